package org.chariot.emulator.cpu;

/**
 * Firmware implemented on the host: an {@code ecall} from S-mode that the hart would take in M-mode
 * is offered here first (this is how the SBI runs in Java). Registers follow the SBI calling
 * convention: a7 = extension, a6 = function, a0..a5 = arguments, the result in a0 (error) and a1 (value).
 */
public interface EnvironmentCallHandler {

    /**
     * @return true if handled (the hart then resumes after the {@code ecall}); false to take the
     *     trap into M-mode as the specification says.
     */
    boolean handle(HartRegisters hart);
}
