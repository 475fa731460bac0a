package org.chariot.debug.model;

import org.chariot.debug.ChariotDebug;
import org.eclipse.debug.core.model.DebugElement;

/** Common to the elements of the Chariot debug model. */
abstract class ChariotDebugElement extends DebugElement {

	ChariotDebugElement(ChariotDebugTarget target) {
		super(target);
	}

	@Override
	public String getModelIdentifier() {
		return ChariotDebug.MODEL_ID;
	}

	ChariotDebugTarget target() {
		return (ChariotDebugTarget) getDebugTarget();
	}
}
