package dev.optagent.solvers.cpsat;

import dev.optagent.solvers.UnsupportedModelException;

import java.math.BigInteger;

/**
 * CP-SAT takes integer coefficients only. A row with rational coefficients is multiplied by the least
 * common multiple of their denominators, which keeps it exactly equivalent; a coefficient that is not a
 * small rational (an irrational-looking decimal) cannot be scaled exactly, and that is reported.
 */
final class RationalScaling {

    private static final long MAX_DENOMINATOR = 1_000_000;
    private static final double EXACT = 1e-9;

    private RationalScaling() {
    }

    /** The smallest positive integer m such that m * c is an integer for every coefficient. */
    static long multiplier(double[] coefficients, String where) {
        BigInteger lcm = BigInteger.ONE;
        for (double c : coefficients) {
            long denominator = denominator(c, where);
            BigInteger d = BigInteger.valueOf(denominator);
            lcm = lcm.divide(lcm.gcd(d)).multiply(d);
            if (lcm.bitLength() > 40) {
                throw new UnsupportedModelException(where + " needs a scale factor beyond 2^40 to make its coefficients integral;"
                        + " CP-SAT cannot represent it exactly");
            }
        }
        return lcm.longValueExact();
    }

    /** Denominator of the simplest fraction equal to c (continued fractions), or an error if there is none. */
    static long denominator(double c, String where) {
        if (c == Math.rint(c)) return 1;
        double x = Math.abs(c);
        long p0 = 0, q0 = 1, p1 = 1, q1 = 0;
        double rest = x;
        for (int k = 0; k < 40; k++) {
            long a = (long) Math.floor(rest);
            long p2 = a * p1 + p0;
            long q2 = a * q1 + q0;
            if (q2 > MAX_DENOMINATOR) break;
            if (Math.abs(x - (double) p2 / q2) <= EXACT * Math.max(1, x)) return q2;
            p0 = p1; q0 = q1; p1 = p2; q1 = q2;
            double fraction = rest - a;
            if (fraction < 1e-15) break;
            rest = 1 / fraction;
        }
        throw new UnsupportedModelException(where + " has the coefficient " + c
                + ", which is not a fraction with a denominator up to " + MAX_DENOMINATOR + "; CP-SAT needs exact integer scaling");
    }
}
