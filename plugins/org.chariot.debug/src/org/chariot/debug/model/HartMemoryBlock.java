package org.chariot.debug.model;

import java.io.IOException;

import org.chariot.debug.ChariotDebug;
import org.chariot.debug.rsp.RspClient;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IMemoryBlock;

/**
 * Guest memory as the hart sees it (through its page tables), read from the stub while the hart is stopped: what
 * the Memory view shows, e.g. the bytes around the address of a halted store. Read-only.
 */
final class HartMemoryBlock extends ChariotDebugElement implements IMemoryBlock {

	private final RspClient client;
	private final long start;
	private final long length;

	HartMemoryBlock(ChariotDebugTarget target, RspClient client, long start, long length) {
		super(target);
		this.client = client;
		this.start = start;
		this.length = length;
	}

	@Override
	public long getStartAddress() {
		return start;
	}

	@Override
	public long getLength() {
		return length;
	}

	@Override
	public byte[] getBytes() throws DebugException {
		if (!target().isSuspended()) {
			throw new DebugException(new Status(IStatus.ERROR, getModelIdentifier(), DebugException.TARGET_REQUEST_FAILED,
					"Guest memory is read while the hart is suspended", null));
		}
		try {
			return client.readMemory(start, (int) length);
		} catch (IOException e) {
			throw ChariotDebug.error(String.format("Cannot read %d bytes at 0x%x: %s", length, start, e.getMessage()), e);
		}
	}

	@Override
	public boolean supportsValueModification() {
		return false;
	}

	@Override
	public void setValue(long offset, byte[] bytes) throws DebugException {
		throw ChariotDebug.error("Guest memory is read-only in this version", null);
	}
}
