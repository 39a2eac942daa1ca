package dev.optagent.tuning.design;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Sobol's low-discrepancy sequence (Gray-code construction, 32 bits), with the Joe-Kuo direction numbers
 * ("new-joe-kuo-6.21201") for the first 21 dimensions. Hipparchus ships one, but its artifacts are not served by
 * our Maven mirror, so this small generator is ours (see docs/tuning.md). Beyond 21 dimensions the primitive
 * polynomials are enumerated and the initial direction numbers drawn at random (odd, below 2^i, as Bratley and Fox
 * allow): still a valid Sobol sequence, without the Joe-Kuo tuning of two-dimensional projections.
 * An optional random digital shift (XOR) gives independent replicates that keep the net structure.
 */
public final class SobolSequence {

    private static final int BITS = 32;

    /** Joe-Kuo: for dimensions 2..21, degree s, coefficients a and initial direction numbers m. */
    private static final int[][] JOE_KUO = {
            {1, 0, 1}, {2, 1, 1, 3}, {3, 1, 1, 3, 1}, {3, 2, 1, 1, 1}, {4, 1, 1, 1, 3, 3}, {4, 4, 1, 3, 5, 13},
            {5, 2, 1, 1, 5, 5, 17}, {5, 4, 1, 1, 5, 5, 5}, {5, 7, 1, 1, 7, 11, 19}, {5, 11, 1, 1, 5, 1, 1},
            {5, 13, 1, 1, 1, 3, 11}, {5, 14, 1, 3, 5, 5, 31}, {6, 1, 1, 3, 3, 9, 7, 49}, {6, 13, 1, 1, 1, 15, 21, 21},
            {6, 16, 1, 3, 1, 13, 27, 49}, {6, 19, 1, 1, 1, 15, 7, 5}, {6, 22, 1, 3, 1, 15, 13, 25},
            {6, 25, 1, 1, 5, 5, 19, 61}, {7, 1, 1, 3, 7, 11, 23, 15, 103}, {7, 4, 1, 3, 7, 13, 13, 15, 69}};

    private final int dimension;
    private final long[][] directions;
    private final long[] shift;
    private final long[] state;
    private long index;

    /** The plain (unshifted) sequence. */
    public SobolSequence(int dimension) {
        this(dimension, null);
    }

    /** A digitally shifted replicate drawn from {@code random} (null: no shift). */
    public SobolSequence(int dimension, RandomGenerator random) {
        if (dimension < 1) throw new IllegalArgumentException("a Sobol sequence needs at least one dimension");
        this.dimension = dimension;
        this.directions = new long[dimension][BITS + 1];
        this.shift = new long[dimension];
        this.state = new long[dimension];
        List<int[]> polynomials = polynomials(dimension);
        for (int d = 0; d < dimension; d++) {
            long[] v = directions[d];
            if (d == 0) {
                for (int i = 1; i <= BITS; i++) v[i] = 1L << (BITS - i);
            } else {
                int[] spec = d - 1 < JOE_KUO.length ? JOE_KUO[d - 1] : randomSpec(polynomials.get(d - 1), d);
                int s = spec[0];
                int a = spec[1];
                for (int i = 1; i <= s && i <= BITS; i++) v[i] = (long) spec[1 + i] << (BITS - i);
                for (int i = s + 1; i <= BITS; i++) {
                    v[i] = v[i - s] ^ (v[i - s] >> s);
                    for (int k = 1; k < s; k++) v[i] ^= ((a >> (s - 1 - k)) & 1) * v[i - k];
                }
            }
            if (random != null) shift[d] = random.nextLong() & 0xFFFFFFFFL;
            state[d] = shift[d];
        }
    }

    public int dimension() {
        return dimension;
    }

    /** The next point in [0, 1)^dimension; the first (unshifted) point is the origin. */
    public double[] next() {
        double[] point = new double[dimension];
        for (int d = 0; d < dimension; d++) point[d] = state[d] / (double) (1L << BITS);
        // Gray code: flip the direction number of the lowest zero bit of the index.
        int c = Long.numberOfTrailingZeros(~index) + 1;
        if (c <= BITS) for (int d = 0; d < dimension; d++) state[d] ^= directions[d][c];
        index++;
        return point;
    }

    public List<double[]> next(int count) {
        List<double[]> points = new ArrayList<>(count);
        for (int k = 0; k < count; k++) points.add(next());
        return points;
    }

    /** Degree s and coefficient bits a (interior coefficients) of primitive polynomials over GF(2), in order. */
    static List<int[]> polynomials(int count) {
        List<int[]> found = new ArrayList<>();
        for (int s = 1; found.size() < count; s++) {
            for (int a = 0; a < (1 << (s - 1)) && found.size() < count; a++) {
                if (isPrimitive(s, a)) found.add(new int[] {s, a});
            }
        }
        return found;
    }

    /** x^s + (interior bits a) + 1 is primitive iff x has order exactly 2^s − 1 modulo it. */
    static boolean isPrimitive(int s, int a) {
        long poly = (1L << s) | ((long) a << 1) | 1L;
        long order = (1L << s) - 1;
        long x = 1;
        for (long k = 1; k <= order; k++) {
            x <<= 1;
            if ((x & (1L << s)) != 0) x ^= poly;
            if (x == 1) return k == order;
        }
        return false;
    }

    /** Initial direction numbers for a dimension past the Joe-Kuo table: odd, below 2^i, from a fixed generator. */
    private static int[] randomSpec(int[] polynomial, int dimension) {
        int s = polynomial[0];
        int[] spec = new int[2 + s];
        spec[0] = s;
        spec[1] = polynomial[1];
        RandomGenerator numbers = new java.util.SplittableRandom(dimension);
        for (int i = 1; i <= s; i++) spec[1 + i] = 2 * numbers.nextInt(1 << (i - 1)) + 1;
        return spec;
    }
}
