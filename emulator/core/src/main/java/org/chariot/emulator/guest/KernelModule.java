package org.chariot.emulator.guest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@code .ko} file to load into the guest; its module name follows Kbuild's rule ('-' becomes '_'). */
public record KernelModule(Path file, String name) {

    private static final int ET_REL = 1;
    private static final int EM_RISCV = 243;

    /** Checks that {@code file} is a RISC-V relocatable ELF, as Kbuild makes modules. */
    public static KernelModule of(Path file) throws GuestToolException {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".ko")) {
            throw new GuestToolException(file + " is not a kernel module: give a driver directory or a .ko file.");
        }
        byte[] header = new byte[20];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(header, 0, header.length);
            boolean elf = read == header.length && header[0] == 0x7f && header[1] == 'E' && header[2] == 'L'
                    && header[3] == 'F' && header[4] == 2 && header[5] == 1;
            int type = (header[16] & 0xff) | (header[17] & 0xff) << 8;
            int machine = (header[18] & 0xff) | (header[19] & 0xff) << 8;
            if (!elf || type != ET_REL || machine != EM_RISCV) {
                throw new GuestToolException(file + " is not a 64-bit RISC-V kernel module (ELF relocatable for "
                        + "RISC-V): rebuild it against the Chariot kit with make -C $(./chariot kit path) M=<dir> modules.");
            }
        } catch (IOException e) {
            throw new GuestToolException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new KernelModule(file.toAbsolutePath(), nameOf(fileName.substring(0, fileName.length() - 3)));
    }

    /** The kernel's name for a module whose file is {@code baseName}.ko: Kbuild turns '-' into '_'. */
    public static String nameOf(String baseName) {
        return baseName.replace('-', '_');
    }

    /** What the module says of itself: the modules it needs, its description. */
    public ModuleInfo info() throws GuestToolException {
        return ModuleInfo.read(file);
    }
}
