package org.chariot.emulator.machine;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.chariot.emulator.bus.Bus;
import org.chariot.emulator.bus.Ram;
import org.chariot.emulator.cpu.Hart;
import org.chariot.emulator.cpu.InterruptTarget;
import org.chariot.emulator.devices.Clint;
import org.chariot.emulator.devices.ExampleDevice;
import org.chariot.emulator.devices.GuestMemory;
import org.chariot.emulator.devices.HostConsole;
import org.chariot.emulator.devices.PlatformDevice;
import org.chariot.emulator.devices.Plic;
import org.chariot.emulator.devices.TestFinisher;
import org.chariot.emulator.devices.Uart16550;
import org.chariot.emulator.devices.net.HostNetwork;
import org.chariot.emulator.devices.pci.PciHost;
import org.chariot.emulator.devices.virtio.VirtioBackend;
import org.chariot.emulator.devices.virtio.VirtioMmio;
import org.chariot.emulator.devices.virtio.VirtioNet;
import org.chariot.emulator.devices.virtio.VirtioPci;

/**
 * The hardware of the machine, laid out as QEMU's {@code virt} so the stock kernel needs no
 * special configuration: RAM at 0x8000_0000, CLINT, PLIC, ns16550a, the test finisher (syscon),
 * virtio-mmio slots, a PCIe host bridge (ECAM at 0x3000_0000, memory window 0x4000_0000, I/O
 * ports at 0x0300_0000, INTx on PLIC sources 32..35), plus Chariot's example device;
 * {@link Peripherals} adds the RTC, the I2C, SPI and GPIO controllers and the described devices.
 * Every device is in {@link #devices()}, from which the device tree is generated.
 */
final class Platform implements AutoCloseable {

    /** A device and the base address it is mapped at. */
    record Mapping(long base, PlatformDevice device) {
    }

    static final long RAM_BASE = 0x8000_0000L;
    static final long TEST_BASE = 0x10_0000L, CLINT_BASE = 0x200_0000L, PLIC_BASE = 0xc00_0000L;
    static final long UART_BASE = 0x1000_0000L, EXAMPLE_BASE = 0x1001_0000L;
    static final long VIRTIO_BASE = 0x1000_1000L, VIRTIO_STRIDE = 0x1000;
    static final int UART_IRQ = 10, EXAMPLE_IRQ = 12, VIRTIO_FIRST_IRQ = 1, VIRTIO_SLOTS = 8;
    static final long PCI_IO_BASE = 0x300_0000L, PCI_IO_SIZE = 0x1_0000L, PCI_ECAM_BASE = 0x3000_0000L;
    static final long PCI_MEMORY_BASE = 0x4000_0000L, PCI_MEMORY_SIZE = 0x4000_0000L;
    static final int PCI_FIRST_IRQ = 32;
    /** The guest network card's address, QEMU's default. */
    static final byte[] GUEST_MAC = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56};

    private final WallClock clock = new WallClock();
    private final Bus bus;
    private final Hart hart;
    private final HostConsole console;
    private final ExitLatch exit;
    private final Plic plic;
    private final GuestMemory dma;
    private final PciHost pci;
    private final List<Mapping> devices = new ArrayList<>();
    private int virtioSlots;

    Platform(int memoryBytes, InputStream consoleInput, OutputStream consoleOutput) {
        bus = new Bus(RAM_BASE, new Ram(memoryBytes));
        hart = new Hart(0, bus, clock);
        exit = new ExitLatch(hart::requestStop);
        console = new HostConsole(consoleInput, consoleOutput);
        InterruptTarget interrupts = hart.interrupts();
        plic = new Plic(interrupts);
        attach(TEST_BASE, new TestFinisher(exit));
        attach(CLINT_BASE, new Clint(clock, interrupts));
        attach(PLIC_BASE, plic);
        attach(UART_BASE, new Uart16550(console, plic.line(UART_IRQ), UART_IRQ));
        attach(EXAMPLE_BASE, new ExampleDevice(clock, plic.line(EXAMPLE_IRQ), EXAMPLE_IRQ));
        dma = new GuestMemory(RAM_BASE, bus.ram());
        pci = new PciHost(new PciHost.Window(PCI_IO_BASE, 0, PCI_IO_SIZE),
                new PciHost.Window(PCI_MEMORY_BASE, PCI_MEMORY_BASE, PCI_MEMORY_SIZE),
                IntStream.range(0, 4).mapToObj(line -> plic.line(PCI_FIRST_IRQ + line)).toList(), PCI_FIRST_IRQ);
        attach(PCI_ECAM_BASE, pci);
        bus.attach("pci-io", PCI_IO_BASE, PCI_IO_SIZE, pci.ioWindow());
        bus.attach("pci-memory", PCI_MEMORY_BASE, PCI_MEMORY_SIZE, pci.memoryWindow());
    }

    /** Adds a virtio device in the next free slot (0x1000_1000 + 0x1000 n, PLIC source n + 1), as QEMU's virt. */
    void attachVirtio(VirtioBackend backend) {
        if (virtioSlots == VIRTIO_SLOTS) {
            throw new IllegalStateException("all " + VIRTIO_SLOTS + " virtio slots are taken");
        }
        int irq = VIRTIO_FIRST_IRQ + virtioSlots;
        attach(VIRTIO_BASE + VIRTIO_STRIDE * virtioSlots, new VirtioMmio(backend, dma, plic.line(irq), irq));
        virtioSlots++;
    }

    void attach(long base, PlatformDevice device) {
        bus.attach(device.getClass().getSimpleName(), base, device.size(), device);
        devices.add(new Mapping(base, device));
    }

    List<Mapping> devices() {
        return List.copyOf(devices);
    }

    /** Guest RAM as devices reach it: every DMA of every device goes through this one object. */
    GuestMemory dma() {
        return dma;
    }

    /** Plugs a virtio network card into the PCI bus, its wire to {@code network}. */
    void plugNetworkCard(HostNetwork network) {
        VirtioNet card = new VirtioNet(GUEST_MAC, network::fromGuest);
        network.connect(card::receive);
        pci.plug(new VirtioPci(card, dma));
    }

    /** The PCIe host bridge, whose root bus takes the machine's PCI devices. */
    PciHost pci() {
        return pci;
    }

    WallClock clock() {
        return clock;
    }

    Bus bus() {
        return bus;
    }

    Ram ram() {
        return bus.ram();
    }

    Hart hart() {
        return hart;
    }

    HostConsole console() {
        return console;
    }

    Plic plic() {
        return plic;
    }

    ExitLatch exit() {
        return exit;
    }

    @Override
    public void close() {
        clock.close();
    }
}
