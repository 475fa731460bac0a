package org.chariot.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class Uart16550Test {

    private final ByteArrayOutputStream host = new ByteArrayOutputStream();
    private final HostConsole console = new HostConsole(null, host);
    private final RecordingLine irq = new RecordingLine();
    private final Uart16550 uart = new Uart16550(console, irq, 10);

    @Test
    void bytesWrittenToThrReachTheHost() {
        for (byte b : "hi\n".getBytes(StandardCharsets.US_ASCII)) {
            uart.store(Uart16550.RBR_THR_DLL, 1, b);
        }
        assertEquals("hi\n", host.toString(StandardCharsets.US_ASCII));
        long lsr = uart.load(Uart16550.LSR, 1);
        assertEquals(Uart16550.LSR_THRE | Uart16550.LSR_TEMT, lsr, "transmitter always empty, no data");
    }

    @Test
    void hostInputRaisesReceiveInterruptUntilRead() throws InterruptedException {
        uart.store(Uart16550.IER_DLM, 1, Uart16550.IER_RX);
        assertFalse(irq.high());
        console.offer('x');
        assertTrue(irq.high());
        assertEquals(Uart16550.IIR_RX, uart.load(Uart16550.IIR_FCR, 1));
        assertEquals(Uart16550.LSR_DATA_READY, uart.load(Uart16550.LSR, 1) & Uart16550.LSR_DATA_READY);
        assertEquals('x', uart.load(Uart16550.RBR_THR_DLL, 1));
        assertFalse(irq.high());
        assertEquals(Uart16550.IIR_NONE, uart.load(Uart16550.IIR_FCR, 1));
    }

    @Test
    void enablingTransmitInterruptRaisesItAtOnceAndReadingIirAcknowledges() {
        uart.store(Uart16550.IER_DLM, 1, Uart16550.IER_THRE);
        assertTrue(irq.high());
        assertEquals(Uart16550.IIR_THRE, uart.load(Uart16550.IIR_FCR, 1));
        assertFalse(irq.high());
        uart.store(Uart16550.RBR_THR_DLL, 1, 'a');
        assertTrue(irq.high(), "the byte left at once, so THR is empty again");
    }

    @Test
    void fifoEnabledShowsInIir() {
        uart.store(Uart16550.IIR_FCR, 1, 0x07);
        assertEquals(Uart16550.IIR_FIFO | Uart16550.IIR_NONE, uart.load(Uart16550.IIR_FCR, 1));
    }

    @Test
    void divisorLatchSharesOffsetsWithDataAndIer() {
        uart.store(Uart16550.LCR, 1, Uart16550.LCR_DLAB | 0x03);
        uart.store(Uart16550.RBR_THR_DLL, 1, 0x34);
        uart.store(Uart16550.IER_DLM, 1, 0x12);
        assertEquals(0x34, uart.load(Uart16550.RBR_THR_DLL, 1));
        assertEquals(0x12, uart.load(Uart16550.IER_DLM, 1));
        uart.store(Uart16550.LCR, 1, 0x03);
        assertEquals(0, uart.load(Uart16550.IER_DLM, 1));
        assertEquals("", host.toString(StandardCharsets.US_ASCII), "divisor writes are not output");
    }

    @Test
    void loopbackReturnsTransmittedBytesInsteadOfSendingThem() {
        uart.store(Uart16550.MCR, 1, Uart16550.MCR_LOOP | 0x0b);
        uart.store(Uart16550.RBR_THR_DLL, 1, 'q');
        assertEquals(Uart16550.LSR_DATA_READY, uart.load(Uart16550.LSR, 1) & Uart16550.LSR_DATA_READY);
        assertEquals('q', uart.load(Uart16550.RBR_THR_DLL, 1));
        assertEquals(0xb0, uart.load(Uart16550.MSR, 1), "DTR, RTS and OUT2 loop back to DSR, CTS and DCD");
        assertEquals("", host.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void scratchRegisterKeepsItsValue() {
        uart.store(Uart16550.SCR, 1, 0x5a);
        assertEquals(0x5a, uart.load(Uart16550.SCR, 1));
    }

    @Test
    void hostInputStreamIsReadOnItsOwnThread() throws IOException, InterruptedException {
        PipedOutputStream typed = new PipedOutputStream();
        HostConsole piped = new HostConsole(new PipedInputStream(typed), host);
        CountDownLatch arrived = new CountDownLatch(1);
        piped.onInput(arrived::countDown);
        typed.write('z');
        typed.flush();
        assertTrue(arrived.await(5, TimeUnit.SECONDS));
        assertEquals('z', piped.poll());
        assertEquals(-1, piped.poll());
    }
}
