/**
 * The symbolizer: maps code addresses back to source, in Java, with no host tool at run time.
 *
 * <p>{@link org.chariot.emulator.symbols.ModuleSymbols} reads a kernel module ({@code .ko}): its ELF
 * sections and symbols ({@link org.chariot.emulator.symbols.ElfFile}), its DWARF line tables and
 * function ranges (versions 4 and 5), with the module's RISC-V relocations applied so that every
 * address is an offset in its own section ({@code .text}, {@code .init.text}, ...). The monitor
 * subtracts a section's load address from a program counter and asks for {@code file:line},
 * function, inlined call chain or {@code symbol+offset}. Lookups follow the rules of binutils'
 * addr2line (which function fits best, which row wins at one address), and the tests compare the
 * two on every instruction of real modules.
 *
 * <p>{@link org.chariot.emulator.symbols.ElfFile} is the project's one ELF reader: modules, {@code vmlinux}, and the
 * executables the machine loads (bare-metal programs, modules relinked at their load addresses for GDB).
 *
 * <p>{@link org.chariot.emulator.symbols.KernelSymbols} reads the kernel's {@code System.map} for
 * {@code symbol+offset/size} of kernel addresses and the address of a kernel symbol.
 */
package org.chariot.emulator.symbols;
