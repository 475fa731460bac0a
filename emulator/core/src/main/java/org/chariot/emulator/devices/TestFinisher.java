package org.chariot.emulator.devices;

import java.io.DataInput;
import java.io.DataOutput;
import org.chariot.emulator.bus.Device;
import org.chariot.emulator.snapshot.Snapshottable;
import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.fdt.Node;

/**
 * QEMU's {@code sifive,test} finisher, which Linux drives as a syscon: a 32-bit store of
 * {@code 0x5555} powers off with success, {@code (code << 16) | 0x3333} powers off with a failure
 * code (1 if the code is 0, so a failure never looks like success), {@code 0x7777} reboots.
 */
public final class TestFinisher implements PlatformDevice, Snapshottable {

    static final int PASS = 0x5555, FAIL = 0x3333, RESET = 0x7777;
    private static final long SIZE = 0x1000;
    private static final String LABEL = "syscon";

    private final PowerControl power;

    public TestFinisher(PowerControl power) {
        this.power = power;
    }

    /** A power-off or reset is an event, not state: nothing to save. */
    @Override
    public void saveState(DataOutput out) {
    }

    @Override
    public void restoreState(DataInput in) {
    }

    @Override
    public long size() {
        return SIZE;
    }

    @Override
    public long load(long offset, int size) {
        return 0;
    }

    @Override
    public int supportedSizes() {
        return Device.sizes(4, 8);
    }

    @Override
    public void store(long offset, int size, long value) {
        if (offset != 0) {
            return;
        }
        int code = (int) (value >>> 16 & 0xffff);
        switch ((int) value & 0xffff) {
            case PASS -> power.powerOff(0);
            case FAIL -> power.powerOff(code == 0 ? 1 : code);
            case RESET -> power.reboot();
            default -> { }
        }
    }

    @Override
    public void describe(DeviceTreeContext tree, long base) {
        Node node = tree.addDevice("test", base, SIZE);
        tree.label(node, LABEL).strings("compatible", "sifive,test1", "sifive,test0", "syscon");
        addRegmapNode(tree, "poweroff", "syscon-poweroff", PASS);
        addRegmapNode(tree, "reboot", "syscon-reboot", RESET);
    }

    private static void addRegmapNode(DeviceTreeContext tree, String name, String compatible, int value) {
        tree.root().addChild(name)
                .cells("value", value)
                .cells("offset", 0)
                .cells("regmap", tree.phandle(LABEL))
                .strings("compatible", compatible);
    }
}
