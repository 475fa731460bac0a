package org.chariot.debug.model;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chariot.debug.rsp.RspClient;
import org.chariot.debug.rsp.StubPlace;
import org.chariot.debug.rsp.StubSourceLines;

/**
 * What the views show of a stopped hart, read once per stop on the thread that saw the stop (never on the UI
 * thread): its registers and its call stack with source lines.
 */
record HartSnapshot(Map<String, Long> general, Map<String, Long> csrs, List<StubPlace> frames) {

	private static final String[] ABI_NAMES = { "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0",
			"a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3",
			"t4", "t5", "t6" };
	/** The supervisor CSRs that tell where a driver runs and what trapped, by CSR number. */
	private static final Map<String, Integer> CSRS = supervisorCsrs();

	private static Map<String, Integer> supervisorCsrs() {
		Map<String, Integer> csrs = new LinkedHashMap<>();
		csrs.put("sstatus", 0x100);
		csrs.put("sie", 0x104);
		csrs.put("stvec", 0x105);
		csrs.put("sscratch", 0x140);
		csrs.put("sepc", 0x141);
		csrs.put("scause", 0x142);
		csrs.put("stval", 0x143);
		csrs.put("sip", 0x144);
		csrs.put("satp", 0x180);
		return csrs;
	}

	static HartSnapshot read(RspClient client) throws IOException {
		long[] values = client.generalRegisters();
		Map<String, Long> general = new LinkedHashMap<>();
		for (int i = 0; i < ABI_NAMES.length; i++) {
			general.put("x" + i + " (" + ABI_NAMES[i] + ")", values[i]);
		}
		general.put("pc", values[RspClient.PC]);
		Map<String, Long> csrs = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> csr : CSRS.entrySet()) {
			csrs.put(csr.getKey(), client.register(RspClient.FIRST_CSR + csr.getValue()));
		}
		csrs.put("priv", client.register(RspClient.PRIV));
		return new HartSnapshot(general, csrs, new StubSourceLines(client).frames());
	}

	long pc() {
		return general.get("pc");
	}
}
