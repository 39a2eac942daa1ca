package dev.optagent.tuning.gp;

/** The Matérn 5/2 correlation with one length scale per input (automatic relevance determination). */
public final class Matern52 {

    private static final double SQRT5 = Math.sqrt(5);

    private Matern52() {
    }

    /** (1 + √5 r + 5r²/3) exp(−√5 r), r the scaled distance. */
    public static double ofDistance(double r) {
        return (1 + SQRT5 * r + 5 * r * r / 3) * Math.exp(-SQRT5 * r);
    }

    public static double correlation(double[] a, double[] b, double[] lengthScales) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double d = (a[k] - b[k]) / lengthScales[k];
            sum += d * d;
        }
        return ofDistance(Math.sqrt(sum));
    }
}
