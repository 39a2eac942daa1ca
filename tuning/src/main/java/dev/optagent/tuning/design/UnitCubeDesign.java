package dev.optagent.tuning.design;

import dev.optagent.tuning.space.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** A design made in the unit cube (one coordinate per parameter) and mapped into the space; duplicates dropped. */
final class UnitCubeDesign implements InitialDesign {

    interface Points {
        List<double[]> generate(int dimension, int count, RandomGenerator random);
    }

    private final String name;
    private final Points points;

    UnitCubeDesign(String name, Points points) {
        this.name = name;
        this.points = points;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Proposal propose(DesignContext context, int count) {
        // Seeds are mixed first: SplittableRandom seeds a golden-ratio step apart would give shifted copies of one stream.
        RandomGenerator random = new SplittableRandom(new SplittableRandom(context.seed()).nextLong() ^ name.hashCode());
        List<Configuration> out = new ArrayList<>();
        for (double[] unit : points.generate(context.space().size(), count, random)) add(out, context.space().fromUnit(unit));
        // Discrete spaces can map several points to one configuration: top up with random distinct ones.
        for (int attempt = 0; out.size() < count && attempt < 20 * count; attempt++) add(out, context.space().sample(random));
        return Proposal.of(out);
    }

    private static void add(List<Configuration> out, Configuration config) {
        if (out.stream().noneMatch(config::sameAs)) out.add(config);
    }

    static List<double[]> randomPoints(int dimension, int count, RandomGenerator random) {
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double[] p = new double[dimension];
            for (int d = 0; d < dimension; d++) p[d] = random.nextDouble();
            out.add(p);
        }
        return out;
    }

    /** One point in each of {@code count} equal slices of every axis, slices paired at random. */
    static List<double[]> latinHypercube(int dimension, int count, RandomGenerator random) {
        double[][] points = new double[count][dimension];
        for (int d = 0; d < dimension; d++) {
            int[] perm = new int[count];
            for (int k = 0; k < count; k++) perm[k] = k;
            for (int k = count - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                int t = perm[k];
                perm[k] = perm[j];
                perm[j] = t;
            }
            for (int k = 0; k < count; k++) points[k][d] = (perm[k] + random.nextDouble()) / count;
        }
        return List.of(points);
    }
}
