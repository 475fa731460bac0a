package org.chariot.emulator.sbi;

import org.chariot.emulator.cpu.HartRegisters;

/** An extension with one function (number 0); any other function number is not supported. */
abstract class SingleFunctionExtension implements SbiExtension {

    @Override
    public final SbiResult call(int function, HartRegisters hart) {
        return function == 0 ? callFunctionZero(hart) : SbiResult.error(SbiResult.NOT_SUPPORTED);
    }

    abstract SbiResult callFunctionZero(HartRegisters hart);
}
