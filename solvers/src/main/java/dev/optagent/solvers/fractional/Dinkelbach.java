package dev.optagent.solvers.fractional;

import dev.optagent.formulation.Sense;
import dev.optagent.formulation.ground.GroundExpr;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.solvers.BackendResult;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolveStatus;
import dev.optagent.solvers.SolverEngine;
import dev.optagent.solvers.UnsupportedModelException;

import java.time.Duration;

/**
 * Dinkelbach's method for a linear-fractional objective {@code N(x)/D(x)} over linear (mixed-integer)
 * constraints with {@code D > 0} on the feasible set: solve {@code min N(x) - λ·D(x)}, set λ to the ratio
 * at its optimum, repeat until the optimum is 0. Every step is an LP or MILP that the inner engine solves
 * to proven optimality, so the final ratio is the global optimum, with integer variables too — which neither
 * CP-SAT (no exact division) nor a local NLP search can promise. The iteration converges superlinearly; for
 * integer models it ends after finitely many steps.
 *
 * <p>Not applicable (an {@link UnsupportedModelException}, so the caller routes the model as before) when
 * the denominator can be zero or negative on the feasible set, when the inner model is unbounded, or when a
 * step cannot be solved to optimality.
 */
public final class Dinkelbach implements SolverEngine {

    private static final int MAX_STEPS = 100;

    private final SolverEngine inner;
    private final LinearFraction fraction;

    /** {@code inner} solves the linear models with the original constraints (GLOP for LP, SCIP for MILP). */
    public Dinkelbach(SolverEngine inner, LinearFraction fraction) {
        this.inner = inner;
        this.fraction = fraction;
    }

    @Override
    public BackendResult solve(GroundModel model, SolveOptions options) {
        long deadline = System.nanoTime() + options.timeLimit().toNanos();
        // Maximising N/D is minimising (-N)/D.
        GroundExpr numerator = model.sense() == Sense.MAXIMIZE ? fraction.numerator().negate() : fraction.numerator();
        GroundExpr denominator = fraction.denominator();

        BackendResult lowest = inner.solve(model.withObjective(Sense.MINIMIZE, denominator), remaining(options, deadline));
        if (lowest.status() == SolveStatus.INFEASIBLE) return lowest;
        if (lowest.status() != SolveStatus.OPTIMAL || lowest.values() == null) {
            throw new UnsupportedModelException("the smallest denominator of the fractional objective could not be proven ("
                    + lowest.status() + ")");
        }
        double smallest = denominator.evaluate(lowest.values());
        if (!(smallest > options.tolerance())) {
            throw new UnsupportedModelException("the denominator of the fractional objective reaches " + smallest
                    + " on the feasible set; a ratio needs a positive denominator");
        }

        double[] best = lowest.values();
        double lambda = numerator.evaluate(best) / denominator.evaluate(best);
        for (int step = 1; step <= MAX_STEPS; step++) {
            GroundExpr parametric = numerator.minus(denominator.scale(lambda));
            BackendResult result = inner.solve(model.withObjective(Sense.MINIMIZE, parametric), remaining(options, deadline));
            if (result.status() != SolveStatus.OPTIMAL || result.values() == null) {
                if (result.status() == SolveStatus.UNBOUNDED) {
                    throw new UnsupportedModelException("a Dinkelbach step is unbounded: the ratio has no attained optimum");
                }
                return answer(SolveStatus.FEASIBLE, best, result, "Dinkelbach step " + step + " ended " + result.status()
                        + "; the best ratio found is reported without a proof of optimality");
            }
            double gap = parametric.evaluate(result.values());
            double scale = Math.max(1, Math.abs(numerator.evaluate(result.values())) + Math.abs(lambda * denominator.evaluate(result.values())));
            if (gap >= -1e-9 * scale) {
                // min N - λD = 0: λ is the optimal ratio; keep the point with the better ratio of the two.
                double[] optimum = ratio(numerator, denominator, result.values()) <= lambda ? result.values() : best;
                return answer(SolveStatus.OPTIMAL, optimum, result, "linear-fractional objective solved exactly by Dinkelbach's method in "
                        + step + " step" + (step == 1 ? "" : "s"));
            }
            best = result.values();
            lambda = ratio(numerator, denominator, best);
        }
        return answer(SolveStatus.FEASIBLE, best, null, "Dinkelbach's method did not settle in " + MAX_STEPS + " steps");
    }

    private static double ratio(GroundExpr numerator, GroundExpr denominator, double[] values) {
        return numerator.evaluate(values) / denominator.evaluate(values);
    }

    private BackendResult answer(SolveStatus status, double[] values, BackendResult last, String message) {
        String backend = (last == null ? "" : last.backend() + " + ") + "Dinkelbach";
        return new BackendResult(status, values, backend, last == null ? null : last.version(), message,
                java.util.Map.of(), java.util.Map.of(), false);
    }

    private static SolveOptions remaining(SolveOptions options, long deadline) {
        long left = Math.max(1_000_000_000L, deadline - System.nanoTime());
        return options.withTimeLimit(Duration.ofNanos(left));
    }
}
