package dev.optagent.tuning.design;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class SobolSequenceTest {

    @Test
    void firstPointsAreTheKnownOnes() {
        List<double[]> p = new SobolSequence(3).next(4);
        assertArrayEquals(new double[] {0, 0, 0}, p.get(0));
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, p.get(1));
        assertArrayEquals(new double[] {0.75, 0.25, 0.25}, p.get(2));
        assertArrayEquals(new double[] {0.25, 0.75, 0.75}, p.get(3));
    }

    @Test
    void joeKuoPolynomialsArePrimitiveAndInOrder() {
        List<int[]> polys = SobolSequence.polynomials(40);
        assertArrayEquals(new int[] {1, 0}, polys.get(0));
        assertArrayEquals(new int[] {5, 2}, polys.get(6));
        assertArrayEquals(new int[] {7, 4}, polys.get(19));
        assertTrue(SobolSequence.isPrimitive(3, 1));
        assertFalse(SobolSequence.isPrimitive(4, 7), "x^4+x^3+x^2+x+1 has order 5, not 15");
        long degree6 = polys.stream().filter(p -> p[0] == 6).count();
        assertEquals(6, degree6, "there are φ(63)/6 = 6 primitive polynomials of degree 6");
    }

    @Test
    void everyDimensionIsStratifiedAndTheFirstPairIsANet() {
        for (int dim : new int[] {6, 30}) {
            List<double[]> p = new SobolSequence(dim, new SplittableRandom(7)).next(64);
            for (int d = 0; d < dim; d++) {
                boolean[] seen = new boolean[64];
                for (double[] x : p) seen[(int) (x[d] * 64)] = true;
                for (boolean s : seen) assertTrue(s, "dimension " + d + " of " + dim + " leaves a 1/64 slice empty");
            }
            boolean[][] cells = new boolean[8][8];
            for (double[] x : p.subList(0, 64)) cells[(int) (x[0] * 8)][(int) (x[1] * 8)] = true;
            for (boolean[] row : cells) for (boolean c : row) assertTrue(c, "the first two dimensions form a (0,2)-net");
        }
    }

    @Test
    void shiftedReplicatesDiffer() {
        assertNotEquals(new SobolSequence(2, new SplittableRandom(1)).next()[0], new SobolSequence(2, new SplittableRandom(2)).next()[0]);
    }
}
