package org.chariot.emulator.translate;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles a block of guest instructions into a hidden class extending {@link Block}. A block runs
 * on through conditional branches not taken (a taken one leaves it) up to a jump. Registers the
 * block uses live in JVM locals while it runs; every exit (a return, a store, a throw) writes the
 * ones it changed back. A branch or jump back to the block's start loops inside the method while
 * the budget lasts, so a hot loop becomes a JVM loop that HotSpot compiles as such.
 *
 * <p>What it translates: the base integer instructions (also the word forms), {@code mul},
 * {@code mulw} and {@code fence}. Everything else (system instructions, atomics, division) ends a
 * block before it and is left to the interpreter, which is where its one definition lives.
 */
public final class BlockCompiler {

    /** The longest block; long straight runs are rare and a cap bounds the time spent per exit. */
    public static final int MAX_LENGTH = 64;

    private static final Set<String> BRANCHES = Set.of("BEQ", "BNE", "BLT", "BGE", "BLTU", "BGEU");
    private static final Set<String> JUMPS = Set.of("JAL", "JALR", "BEQ", "BNE", "BLT", "BGE", "BLTU", "BGEU");
    private static final Set<String> STORES = Set.of("SB", "SH", "SW", "SD");
    private static final Set<String> STRAIGHT = Set.of("LUI", "AUIPC", "ADDI", "SLTI", "SLTIU", "XORI", "ORI", "ANDI",
            "SLLI", "SRLI", "SRAI", "ADD", "SUB", "SLL", "SLT", "SLTU", "XOR", "SRL", "SRA", "OR", "AND", "ADDIW",
            "SLLIW", "SRLIW", "SRAIW", "ADDW", "SUBW", "SLLW", "SRLW", "SRAW", "MUL", "MULW", "FENCE",
            "LB", "LH", "LW", "LD", "LBU", "LHU", "LWU", "SB", "SH", "SW", "SD");
    private static final String BLOCK = "org/chariot/emulator/translate/Block";
    private static final String PROGRESS = "org/chariot/emulator/translate/Progress";
    private static final String MMU = "org/chariot/emulator/mmu/Mmu";
    private static final String RUN = "([JL" + MMU + ";L" + PROGRESS + ";I)J";
    private static final int THIS = 0, X = 1, MMU_ARG = 2, PROGRESS_ARG = 3, BUDGET = 4, COUNT = 5, FIRST_REGISTER = 6;

    private final MethodHandles.Lookup lookup = MethodHandles.lookup();

    /** True if {@code op} can be part of a block. */
    public static boolean translatable(String op) {
        return STRAIGHT.contains(op) || JUMPS.contains(op);
    }

    /** True if {@code op} ends a block after itself: a jump. A conditional branch leaves the block only if taken. */
    public static boolean endsBlock(String op) {
        return op.equals("JAL") || op.equals("JALR");
    }

    /** Compiles {@code instructions}, which start the block and are all {@link #translatable}. */
    public Block compile(List<GuestInstruction> instructions) {
        byte[] bytes = new Generator(instructions).generate();
        try {
            MethodHandles.Lookup block = lookup.defineHiddenClass(bytes, true);
            return (Block) block.findConstructor(block.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot instantiate a translated block", e);
        }
    }

    /** The code of one block. */
    private static final class Generator {

        private final List<GuestInstruction> instructions;
        private final long start;
        private final Set<Integer> used = new TreeSet<>();
        private final Set<Integer> written = new TreeSet<>();
        private final int temporary;
        private MethodVisitor code;
        private final Label loop = new Label();

        Generator(List<GuestInstruction> instructions) {
            this.instructions = instructions;
            this.start = instructions.getFirst().pc();
            for (GuestInstruction instruction : instructions) {
                used.add(instruction.rs1());
                used.add(instruction.rs2());
                if (writesRd(instruction.op())) {
                    used.add(instruction.rd());
                    written.add(instruction.rd());
                }
            }
            used.remove(0);
            written.remove(0);
            temporary = FIRST_REGISTER + 2 * 32;
        }

        private static boolean writesRd(String op) {
            return !STORES.contains(op) && !BRANCHES.contains(op) && !op.equals("FENCE");
        }

        byte[] generate() {
            ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
                @Override
                protected String getCommonSuperClass(String type1, String type2) {
                    return "java/lang/Object";
                }
            };
            writer.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, "org/chariot/emulator/translate/Translated", null,
                    BLOCK, null);
            MethodVisitor constructor = writer.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
            constructor.visitCode();
            constructor.visitVarInsn(ALOAD, THIS);
            constructor.visitMethodInsn(INVOKESPECIAL, BLOCK, "<init>", "()V", false);
            constructor.visitInsn(RETURN);
            constructor.visitMaxs(0, 0);
            constructor.visitEnd();
            MethodVisitor length = writer.visitMethod(ACC_PUBLIC, "length", "()I", null, null);
            length.visitCode();
            length.visitLdcInsn(instructions.size());
            length.visitInsn(IRETURN);
            length.visitMaxs(0, 0);
            length.visitEnd();
            code = writer.visitMethod(ACC_PUBLIC, "run", RUN, null, new String[] {"org/chariot/emulator/mmu/MemoryFault"});
            code.visitCode();
            body();
            code.visitMaxs(0, 0);
            code.visitEnd();
            writer.visitEnd();
            return writer.toByteArray();
        }

        private int slot(int register) {
            return FIRST_REGISTER + 2 * register;
        }

        private void body() {
            for (int register : used) {
                code.visitVarInsn(ALOAD, X);
                code.visitLdcInsn(register);
                code.visitInsn(LALOAD);
                code.visitVarInsn(LSTORE, slot(register));
            }
            code.visitInsn(ICONST_0);
            code.visitVarInsn(ISTORE, COUNT);
            Label tryStart = new Label();
            Label tryEnd = new Label();
            Label handler = new Label();
            code.visitTryCatchBlock(tryStart, tryEnd, handler, null);
            code.visitLabel(loop);
            code.visitLabel(tryStart);
            for (int i = 0; i < instructions.size(); i++) {
                instruction(instructions.get(i), i);
            }
            GuestInstruction last = instructions.getLast();
            if (!endsBlock(last.op())) {
                exit(last.pc() + last.length(), instructions.size());
            }
            code.visitLabel(tryEnd);
            code.visitLabel(handler);
            code.visitVarInsn(ASTORE, temporary);
            writeBack();
            code.visitVarInsn(ALOAD, temporary);
            code.visitInsn(ATHROW);
        }

        // ---- register access

        private void read(int register) {
            if (register == 0) {
                code.visitInsn(LCONST_0);
            } else {
                code.visitVarInsn(LLOAD, slot(register));
            }
        }

        private void write(int register) {
            if (register == 0) {
                code.visitInsn(POP2);
            } else {
                code.visitVarInsn(LSTORE, slot(register));
            }
        }

        private void writeBack() {
            for (int register : written) {
                code.visitVarInsn(ALOAD, X);
                code.visitLdcInsn(register);
                code.visitVarInsn(LLOAD, slot(register));
                code.visitInsn(LASTORE);
            }
        }

        private void constant(long value) {
            code.visitLdcInsn(value);
        }

        // ---- instructions

        private void instruction(GuestInstruction in, int index) {
            switch (in.op()) {
                case "LUI" -> {
                    constant(in.imm());
                    write(in.rd());
                }
                case "AUIPC" -> {
                    constant(in.pc() + in.imm());
                    write(in.rd());
                }
                case "ADDI" -> immediate(in, LADD);
                case "XORI" -> immediate(in, LXOR);
                case "ORI" -> immediate(in, LOR);
                case "ANDI" -> immediate(in, LAND);
                case "SLTI" -> {
                    read(in.rs1());
                    constant(in.imm());
                    lessThan(false, in.rd());
                }
                case "SLTIU" -> {
                    read(in.rs1());
                    constant(in.imm());
                    lessThan(true, in.rd());
                }
                case "SLLI" -> shiftImmediate(in, LSHL, 63);
                case "SRLI" -> shiftImmediate(in, LUSHR, 63);
                case "SRAI" -> shiftImmediate(in, LSHR, 63);
                case "ADD" -> registers(in, LADD);
                case "SUB" -> registers(in, LSUB);
                case "XOR" -> registers(in, LXOR);
                case "OR" -> registers(in, LOR);
                case "AND" -> registers(in, LAND);
                case "MUL" -> registers(in, LMUL);
                case "SLL" -> shiftRegister(in, LSHL);
                case "SRL" -> shiftRegister(in, LUSHR);
                case "SRA" -> shiftRegister(in, LSHR);
                case "SLT" -> {
                    read(in.rs1());
                    read(in.rs2());
                    lessThan(false, in.rd());
                }
                case "SLTU" -> {
                    read(in.rs1());
                    read(in.rs2());
                    lessThan(true, in.rd());
                }
                case "ADDIW" -> {
                    read(in.rs1());
                    code.visitInsn(L2I);
                    code.visitLdcInsn((int) in.imm());
                    code.visitInsn(IADD);
                    signExtendWord(in.rd());
                }
                case "SLLIW" -> shiftWordImmediate(in, ISHL);
                case "SRLIW" -> shiftWordImmediate(in, IUSHR);
                case "SRAIW" -> shiftWordImmediate(in, ISHR);
                case "ADDW" -> words(in, IADD);
                case "SUBW" -> words(in, ISUB);
                case "SLLW" -> words(in, ISHL);
                case "SRLW" -> words(in, IUSHR);
                case "SRAW" -> words(in, ISHR);
                case "MULW" -> words(in, IMUL);
                case "FENCE" -> { }
                case "LB" -> load(in, index, "load8", I2B);
                case "LH" -> load(in, index, "load16", I2S);
                case "LW" -> load(in, index, "load32", NOP);
                case "LD" -> load(in, index, "load64", -1);
                case "LBU" -> load(in, index, "load8", -1);
                case "LHU" -> load(in, index, "load16", -1);
                case "LWU" -> load(in, index, "load32", -1);
                case "SB" -> store(in, index, "store8");
                case "SH" -> store(in, index, "store16");
                case "SW" -> store(in, index, "store32");
                case "SD" -> store(in, index, "store64");
                case "JAL" -> {
                    constant(in.pc() + in.length());
                    write(in.rd());
                    jump(in.pc() + in.imm(), index + 1);
                }
                case "JALR" -> {
                    read(in.rs1());
                    constant(in.imm());
                    code.visitInsn(LADD);
                    constant(~1L);
                    code.visitInsn(LAND);
                    code.visitVarInsn(LSTORE, temporary);
                    constant(in.pc() + in.length());
                    write(in.rd());
                    writeBack();
                    finish(index + 1);
                    code.visitVarInsn(LLOAD, temporary);
                    code.visitInsn(LRETURN);
                }
                case "BEQ" -> branch(in, index, false, IFNE);
                case "BNE" -> branch(in, index, false, IFEQ);
                case "BLT" -> branch(in, index, false, IFGE);
                case "BGE" -> branch(in, index, false, IFLT);
                case "BLTU" -> branch(in, index, true, IFGE);
                case "BGEU" -> branch(in, index, true, IFLT);
                default -> throw new IllegalArgumentException(in.op() + " cannot be translated");
            }
        }

        private void immediate(GuestInstruction in, int operation) {
            read(in.rs1());
            constant(in.imm());
            code.visitInsn(operation);
            write(in.rd());
        }

        private void registers(GuestInstruction in, int operation) {
            read(in.rs1());
            read(in.rs2());
            code.visitInsn(operation);
            write(in.rd());
        }

        private void shiftImmediate(GuestInstruction in, int operation, int mask) {
            read(in.rs1());
            code.visitLdcInsn((int) (in.imm() & mask));
            code.visitInsn(operation);
            write(in.rd());
        }

        private void shiftRegister(GuestInstruction in, int operation) {
            read(in.rs1());
            read(in.rs2());
            code.visitInsn(L2I);
            code.visitInsn(operation);
            write(in.rd());
        }

        private void shiftWordImmediate(GuestInstruction in, int operation) {
            read(in.rs1());
            code.visitInsn(L2I);
            code.visitLdcInsn((int) (in.imm() & 31));
            code.visitInsn(operation);
            signExtendWord(in.rd());
        }

        private void words(GuestInstruction in, int operation) {
            read(in.rs1());
            code.visitInsn(L2I);
            read(in.rs2());
            code.visitInsn(L2I);
            code.visitInsn(operation);
            signExtendWord(in.rd());
        }

        private void signExtendWord(int rd) {
            code.visitInsn(I2L);
            write(rd);
        }

        /** Two longs on the stack: 1 if the first is less than the second, else 0. */
        private void lessThan(boolean unsigned, int rd) {
            compare(unsigned);
            Label no = new Label();
            Label done = new Label();
            code.visitJumpInsn(IFGE, no);
            code.visitInsn(LCONST_1);
            code.visitJumpInsn(GOTO, done);
            code.visitLabel(no);
            code.visitInsn(LCONST_0);
            code.visitLabel(done);
            write(rd);
        }

        private void compare(boolean unsigned) {
            if (unsigned) {
                code.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
            } else {
                code.visitInsn(LCMP);
            }
        }

        /** Makes a fault of the instruction at {@code index} precise: its pc and the instructions retired before it. */
        private void progress(GuestInstruction in, int index) {
            code.visitVarInsn(ALOAD, PROGRESS_ARG);
            constant(in.pc());
            code.visitFieldInsn(PUTFIELD, PROGRESS, "pc", "J");
            code.visitVarInsn(ALOAD, PROGRESS_ARG);
            code.visitVarInsn(ILOAD, COUNT);
            code.visitLdcInsn(index);
            code.visitInsn(IADD);
            code.visitFieldInsn(PUTFIELD, PROGRESS, "executed", "I");
        }

        private void address(GuestInstruction in) {
            code.visitVarInsn(ALOAD, MMU_ARG);
            read(in.rs1());
            constant(in.imm());
            code.visitInsn(LADD);
        }

        /** @param narrow the int conversion that sign-extends, NOP for a word, -1 for none (zero-extended or 64-bit) */
        private void load(GuestInstruction in, int index, String method, int narrow) {
            progress(in, index);
            address(in);
            code.visitMethodInsn(INVOKEVIRTUAL, MMU, method, "(J)J", false);
            if (narrow >= 0) {
                code.visitInsn(L2I);
                if (narrow != NOP) {
                    code.visitInsn(narrow);
                }
                code.visitInsn(I2L);
            }
            write(in.rd());
        }

        /** Observers of the store (the monitor, watchpoints) see the registers as the interpreter leaves them. */
        private void store(GuestInstruction in, int index, String method) {
            writeBack();
            progress(in, index);
            address(in);
            read(in.rs2());
            code.visitMethodInsn(INVOKEVIRTUAL, MMU, method, "(JJ)V", false);
        }

        /** A taken branch leaves the block (or loops to its start); not taken, the block goes on. */
        private void branch(GuestInstruction in, int index, boolean unsigned, int notTakenIf) {
            read(in.rs1());
            read(in.rs2());
            compare(unsigned);
            Label notTaken = new Label();
            code.visitJumpInsn(notTakenIf, notTaken);
            jump(in.pc() + in.imm(), index + 1);
            code.visitLabel(notTaken);
        }

        /**
         * Goes on at {@code target} after {@code retired} instructions of this pass: around the loop
         * again if it is the block's start and the budget allows a whole pass, else out of the block.
         */
        private void jump(long target, int retired) {
            if (target != start) {
                exit(target, retired);
                return;
            }
            code.visitIincInsn(COUNT, retired);
            code.visitIincInsn(BUDGET, -retired);
            code.visitVarInsn(ILOAD, BUDGET);
            code.visitLdcInsn(instructions.size());
            code.visitJumpInsn(IF_ICMPGE, loop);
            writeBack();
            finish(0);
            constant(start);
            code.visitInsn(LRETURN);
        }

        private void exit(long target, int retired) {
            writeBack();
            finish(retired);
            constant(target);
            code.visitInsn(LRETURN);
        }

        /** Records the instructions retired: the passes counted so far plus {@code pass} of this one. */
        private void finish(int pass) {
            code.visitVarInsn(ALOAD, PROGRESS_ARG);
            code.visitVarInsn(ILOAD, COUNT);
            code.visitLdcInsn(pass);
            code.visitInsn(IADD);
            code.visitFieldInsn(PUTFIELD, PROGRESS, "executed", "I");
        }
    }
}
