package org.chariot.ui.views;

/**
 * Maps guest addresses to x positions, piece by piece: a 16-byte object next to a 4 KiB section must both be seen, so
 * each piece between two interesting addresses gets a width that grows with the logarithm of its length, and the
 * gaps nobody owns get the least. Monotonic, so order and adjacency on the screen are those in memory.
 */
final class AddressScale {

	private final long[] boundaries;
	private final double[] xs;

	/**
	 * @param boundaries interesting addresses, sorted unsigned and distinct, at least two
	 * @param owned whether the piece from each boundary to the next belongs to a region
	 */
	AddressScale(long[] boundaries, boolean[] owned, int left, int width) {
		this.boundaries = boundaries.clone();
		double[] weights = new double[boundaries.length - 1];
		double total = 0;
		for (int i = 0; i < weights.length; i++) {
			long length = boundaries[i + 1] - boundaries[i];
			weights[i] = owned[i] ? 2 + Math.log(Math.max(length, 1)) / Math.log(2) : 1;
			total += weights[i];
		}
		xs = new double[boundaries.length];
		xs[0] = left;
		for (int i = 0; i < weights.length; i++) {
			xs[i + 1] = xs[i] + width * weights[i] / total;
		}
	}

	/** The x of an address; addresses outside the boundaries stick to the nearest end. */
	int x(long address) {
		if (Long.compareUnsigned(address, boundaries[0]) <= 0) {
			return (int) Math.round(xs[0]);
		}
		int last = boundaries.length - 1;
		if (Long.compareUnsigned(address, boundaries[last]) >= 0) {
			return (int) Math.round(xs[last]);
		}
		int piece = piece(address);
		double fraction = (double) (address - boundaries[piece]) / (boundaries[piece + 1] - boundaries[piece]);
		return (int) Math.round(xs[piece] + fraction * (xs[piece + 1] - xs[piece]));
	}

	/** The piece whose boundaries enclose the address. */
	private int piece(long address) {
		int low = 0;
		int high = boundaries.length - 2;
		while (low < high) {
			int middle = (low + high + 1) >>> 1;
			if (Long.compareUnsigned(boundaries[middle], address) <= 0) {
				low = middle;
			} else {
				high = middle - 1;
			}
		}
		return low;
	}
}
