package org.chariot.emulator.devices.i2c;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.chariot.emulator.devices.RecordingLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The controller driven register by register as Linux's i2c-ocores does, with the machine's chips behind it. */
class OcoresI2cTest {

    private final RecordingLine irq = new RecordingLine();
    private final OcoresI2c controller = new OcoresI2c(irq, 13, 20_000_000);
    private final At24Eeprom eeprom = new At24Eeprom(0x50);
    private final Lm75Sensor sensor = new Lm75Sensor(0x48);

    @BeforeEach
    void enable() {
        controller.connect(eeprom);
        controller.connect(sensor);
        controller.store(OcoresI2c.CONTROL, 1, OcoresI2c.CONTROL_ENABLE | OcoresI2c.CONTROL_INTERRUPTS);
    }

    private int command(int command) {
        controller.store(OcoresI2c.COMMAND_STATUS, 1, command);
        int status = (int) controller.load(OcoresI2c.COMMAND_STATUS, 1);
        assertTrue((status & OcoresI2c.STATUS_INTERRUPT) != 0, "each command ends with the interrupt flag set");
        assertTrue(irq.high(), "and the interrupt line high");
        controller.store(OcoresI2c.COMMAND_STATUS, 1, OcoresI2c.COMMAND_ACK_INTERRUPT);
        assertFalse(irq.high(), "acknowledged");
        return status;
    }

    /** START + address byte; returns whether the chip acknowledged. */
    private boolean start(int address, boolean read) {
        controller.store(OcoresI2c.DATA, 1, address << 1 | (read ? 1 : 0));
        return (command(OcoresI2c.COMMAND_START | OcoresI2c.COMMAND_WRITE) & OcoresI2c.STATUS_NO_ACK) == 0;
    }

    private void send(int... bytes) {
        for (int b : bytes) {
            controller.store(OcoresI2c.DATA, 1, b);
            assertEquals(0, command(OcoresI2c.COMMAND_WRITE) & OcoresI2c.STATUS_NO_ACK, "acknowledged byte");
        }
    }

    private int[] receive(int count) {
        int[] bytes = new int[count];
        for (int i = 0; i < count; i++) {
            command(OcoresI2c.COMMAND_READ);
            bytes[i] = (int) controller.load(OcoresI2c.DATA, 1);
        }
        return bytes;
    }

    private void stop() {
        assertEquals(0, command(OcoresI2c.COMMAND_STOP) & OcoresI2c.STATUS_BUSY, "a stop frees the bus");
    }

    @Test
    void aRestoredControllerHasTheSavedEepromBytesAndSensorTemperature() throws IOException {
        assertTrue(start(0x50, false));
        send(0x20, 's', 'n', 'p');
        stop();
        sensor.setTemperature(-5_000);
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        controller.saveState(new DataOutputStream(saved));

        OcoresI2cTest restored = new OcoresI2cTest();
        restored.enable();
        restored.controller.restoreState(new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
        assertTrue(restored.start(0x50, false));
        restored.send(0x20);
        assertTrue(restored.start(0x50, true));
        assertArrayEquals(new int[] {'s', 'n', 'p'}, restored.receive(3));
        restored.stop();
        assertTrue(restored.start(0x48, true));
        assertArrayEquals(new int[] {0xfb, 0x00}, restored.receive(2), "-5.0 degrees");
        restored.stop();
    }

    @Test
    void anEepromWriteThenARandomReadWithRepeatedStartReturnsTheBytes() {
        assertTrue(start(0x50, false));
        send(0x10, 'h', 'i', '!');
        stop();
        assertTrue(start(0x50, false));
        send(0x10);
        assertTrue(start(0x50, true), "repeated start for the read");
        assertArrayEquals(new int[] {'h', 'i', '!', 0xff}, receive(4));
        stop();
    }

    @Test
    void eepromWritesRollOverInsideTheirEightBytePage() {
        assertTrue(start(0x50, false));
        send(0x06, 1, 2, 3, 4);
        stop();
        byte[] contents = eeprom.contents();
        assertArrayEquals(new byte[] {3, 4, -1, -1, -1, -1, 1, 2}, Arrays.copyOfRange(contents, 0, 8));
        assertEquals(-1, contents[8], "the next page is untouched");
    }

    @Test
    void theSensorReadsItsTemperatureAsAnSmbusWordMostSignificantByteFirst() {
        sensor.setTemperature(-25_500);
        assertTrue(start(0x48, false));
        send(Lm75Sensor.TEMPERATURE);
        assertTrue(start(0x48, true));
        int[] word = receive(2);
        stop();
        assertEquals(-25_500, (short) (word[0] << 8 | word[1]) / 128 * 500, "9-bit half degrees, left-aligned");
    }

    @Test
    void theSensorsDefaultAndLimitRegistersReadBack() {
        assertTrue(start(0x48, false));
        send(Lm75Sensor.TEMPERATURE);
        assertTrue(start(0x48, true));
        int[] temperature = receive(2);
        assertTrue(start(0x48, false));
        send(Lm75Sensor.OVER_TEMPERATURE, 0x3c, 0x80);
        stop();
        assertTrue(start(0x48, false));
        send(Lm75Sensor.OVER_TEMPERATURE);
        assertTrue(start(0x48, true));
        int[] limit = receive(2);
        stop();
        assertEquals(Lm75Sensor.DEFAULT_MILLI_CELSIUS, (short) (temperature[0] << 8 | temperature[1]) / 128 * 500);
        assertArrayEquals(new int[] {0x3c, 0x80}, limit, "60.5 degrees");
    }

    @Test
    void anAddressNobodyAnswersIsNotAcknowledged() {
        assertFalse(start(0x23, false));
        controller.store(OcoresI2c.DATA, 1, 0);
        assertTrue((command(OcoresI2c.COMMAND_WRITE) & OcoresI2c.STATUS_NO_ACK) != 0, "no chip to acknowledge data");
        stop();
    }

    @Test
    void aDisabledCoreIgnoresCommandsAndTheLineNeedsInterruptsEnabled() {
        controller.store(OcoresI2c.CONTROL, 1, 0);
        controller.store(OcoresI2c.DATA, 1, 0x50 << 1);
        controller.store(OcoresI2c.COMMAND_STATUS, 1, OcoresI2c.COMMAND_START | OcoresI2c.COMMAND_WRITE);
        assertEquals(0, controller.load(OcoresI2c.COMMAND_STATUS, 1));
        controller.store(OcoresI2c.CONTROL, 1, OcoresI2c.CONTROL_ENABLE);
        controller.store(OcoresI2c.COMMAND_STATUS, 1, OcoresI2c.COMMAND_START | OcoresI2c.COMMAND_WRITE);
        assertEquals(OcoresI2c.STATUS_BUSY | OcoresI2c.STATUS_INTERRUPT, controller.load(OcoresI2c.COMMAND_STATUS, 1));
        assertFalse(irq.high(), "polled mode: no interrupt");
    }

    @Test
    void prescalerRegistersReadBackAndTwoChipsCannotShareAnAddress() {
        controller.store(OcoresI2c.PRESCALE_LOW, 1, 39);
        controller.store(OcoresI2c.PRESCALE_HIGH, 1, 0);
        assertEquals(39, controller.load(OcoresI2c.PRESCALE_LOW, 1));
        assertEquals(0, controller.load(OcoresI2c.PRESCALE_HIGH, 1));
        assertThrows(IllegalArgumentException.class, () -> controller.connect(new At24Eeprom(0x50)));
    }
}
