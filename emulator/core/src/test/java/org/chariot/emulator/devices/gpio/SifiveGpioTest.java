package org.chariot.emulator.devices.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.devices.IrqLine;
import org.chariot.emulator.devices.RecordingLine;
import org.junit.jupiter.api.Test;

class SifiveGpioTest {

    private final List<RecordingLine> lines = new ArrayList<>();

    private SifiveGpio gpio(GpioInput... inputs) {
        for (int i = 0; i < SifiveGpio.LINES; i++) {
            lines.add(new RecordingLine());
        }
        return new SifiveGpio(List.<IrqLine>copyOf(lines), 16, List.of(inputs));
    }

    @Test
    void outputsDriveTheirPinsAndInputEnabledPinsReadBack() {
        SifiveGpio gpio = gpio();
        gpio.store(SifiveGpio.OUTPUT_EN, 4, 0b11);
        gpio.store(SifiveGpio.OUTPUT_VAL, 4, 0b01);
        assertEquals(0b01, gpio.pins());
        assertEquals(0, gpio.load(SifiveGpio.INPUT_VAL, 4), "no input enabled");
        gpio.store(SifiveGpio.INPUT_EN, 4, 0b11);
        assertEquals(0b01, gpio.load(SifiveGpio.INPUT_VAL, 4));
        gpio.store(SifiveGpio.OUTPUT_XOR, 4, 0b10);
        assertEquals(0b11, gpio.pins(), "the xor inverts an output");
    }

    @Test
    void anUndrivenInputReadsItsPullUpAndADrivenOneItsLevel() {
        SifiveGpio gpio = gpio(GpioInput.parse("2=high"));
        gpio.store(SifiveGpio.INPUT_EN, 4, 0xff);
        assertEquals(0b100, gpio.load(SifiveGpio.INPUT_VAL, 4));
        gpio.store(SifiveGpio.PULLUP, 4, 0b1000);
        assertEquals(0b1100, gpio.load(SifiveGpio.INPUT_VAL, 4));
        gpio.drive(3, false);
        assertEquals(0b0100, gpio.load(SifiveGpio.INPUT_VAL, 4), "driven low beats the pull-up");
    }

    @Test
    void aWiredLineFollowsTheOutputOfItsSource() {
        SifiveGpio gpio = gpio(GpioInput.parse("5=line0"));
        gpio.store(SifiveGpio.INPUT_EN, 4, 1 << 5);
        gpio.store(SifiveGpio.OUTPUT_EN, 4, 1);
        gpio.store(SifiveGpio.OUTPUT_VAL, 4, 1);
        assertEquals(1 << 5, gpio.load(SifiveGpio.INPUT_VAL, 4));
        gpio.store(SifiveGpio.OUTPUT_VAL, 4, 0);
        assertEquals(0, gpio.load(SifiveGpio.INPUT_VAL, 4));
    }

    @Test
    void edgesArePendingUntilWrittenOneAndInterruptOnlyWhenEnabled() {
        SifiveGpio gpio = gpio();
        gpio.store(SifiveGpio.INPUT_EN, 4, 1 << 4);
        gpio.store(SifiveGpio.RISE_IE, 4, 1 << 4);
        gpio.drive(4, true);
        assertEquals(1 << 4, gpio.load(SifiveGpio.RISE_IP, 4));
        assertTrue(lines.get(4).high());
        assertFalse(lines.get(3).high(), "each line has its own interrupt");
        gpio.drive(4, false);
        assertEquals(1 << 4, gpio.load(SifiveGpio.FALL_IP, 4), "falling edge pending, not enabled");
        gpio.store(SifiveGpio.RISE_IP, 4, 1 << 4);
        assertFalse(lines.get(4).high());
        assertEquals(0, gpio.load(SifiveGpio.RISE_IP, 4));
    }

    @Test
    void aLevelStaysPendingWhileItLasts() {
        SifiveGpio gpio = gpio(GpioInput.parse("1=high"));
        gpio.store(SifiveGpio.INPUT_EN, 4, 0b10);
        gpio.store(SifiveGpio.HIGH_IE, 4, 0b10);
        assertTrue(lines.get(1).high());
        gpio.store(SifiveGpio.HIGH_IP, 4, 0b10);
        assertTrue(lines.get(1).high(), "still high: pending again");
        gpio.drive(1, false);
        gpio.store(SifiveGpio.HIGH_IP, 4, 0b10);
        assertFalse(lines.get(1).high());
    }

    @Test
    void inputsAreParsedWithAClearComplaint() {
        assertEquals("3=line1", GpioInput.parse("3=line1").toString());
        assertEquals("0=low", GpioInput.parse("0=0").toString());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> GpioInput.parse("3=on"));
        assertTrue(bad.getMessage().contains(GpioInput.FORMS), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GpioInput.parse("9=high"));
        assertThrows(IllegalArgumentException.class, () -> GpioInput.parse("2=line2"));
    }
}
