package org.chariot.emulator.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.chariot.emulator.guest.GuestFile;

/**
 * What a guest restored from a snapshot gets instead of an initramfs and a kernel command line:
 * the run's files and command line, in the layout the init's payload mode reads (see
 * {@code emulator/guest/init/init.c}): a magic, a file count, per file its path, mode and bytes,
 * then the command line; numbers are 32-bit little-endian.
 *
 * @param bootArguments the kernel arguments the snapshot's guest must have booted with (an isolated
 *     run's slub_debug redzones): they are not in the payload but in the snapshot's boot, and so its key
 */
public record GuestPayload(List<GuestFile> files, String commandLine, List<String> bootArguments) {

    static final byte[] MAGIC = "CHRTPAY1".getBytes(StandardCharsets.US_ASCII);

    public GuestPayload {
        files = List.copyOf(files);
        bootArguments = List.copyOf(bootArguments);
    }

    byte[] encode() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(MAGIC);
        out.write(word(files.size()));
        for (GuestFile file : files) {
            byte[] path = file.guestPath().getBytes(StandardCharsets.UTF_8);
            byte[] content = Files.readAllBytes(file.hostFile());
            out.write(word(path.length));
            out.write(path);
            out.write(word(file.mode()));
            out.write(word(content.length));
            out.write(content);
        }
        byte[] line = commandLine.getBytes(StandardCharsets.UTF_8);
        out.write(word(line.length));
        out.write(line);
        return out.toByteArray();
    }

    private static byte[] word(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
