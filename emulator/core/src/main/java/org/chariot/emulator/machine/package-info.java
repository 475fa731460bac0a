/**
 * The machine around the hart: {@link org.chariot.emulator.machine.Machine} boots a Linux
 * {@code Image} on a QEMU {@code virt}-compatible platform (RAM at 0x8000_0000, CLINT, PLIC,
 * ns16550a, test finisher, virtio-mmio, the example device, a PCIe host bridge with virtio-net, the
 * example PCI device and an optional virtio disk on its bus) plus the
 * {@link org.chariot.emulator.machine.Peripherals} real drivers bind to (RTC, I2C, SPI, GPIO) and the
 * run's described devices ({@link org.chariot.emulator.machine.Board}), with the SBI in Java;
 * {@link org.chariot.emulator.machine.BareMetal} runs Spike-style bare-metal programs that report
 * through {@code tohost}.
 *
 * <p>Guest time is real time ({@link org.chariot.emulator.machine.WallClock}): WFI sleeps on the
 * host until the next deadline, so an idle guest costs no CPU, and the run's time limit is at once
 * a wall-clock and a guest-time limit. The price is that runs are not cycle-repeatable.
 *
 * <p>Boot hand-over, as OpenSBI's: S-mode at the kernel entry with a0 = 0, a1 = device tree,
 * satp = 0; M-mode state as firmware leaves it (medeleg 0xb1ff, mideleg 0x222, counters enabled,
 * menvcfg.STCE, one PMP entry open). No M-mode code exists, so {@code mtvec} stays 0 and any trap
 * into M-mode ends the run with the hart's fault report.
 */
package org.chariot.emulator.machine;
