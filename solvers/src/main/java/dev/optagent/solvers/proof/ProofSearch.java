package dev.optagent.solvers.proof;

import dev.optagent.formulation.Sense;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;
import dev.optagent.solvers.Backend;
import dev.optagent.solvers.BackendResult;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolveStatus;
import dev.optagent.solvers.UnsupportedModelException;
import dev.optagent.solvers.cpsat.CpSatEngine;
import dev.optagent.solvers.mp.MpEngine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The way to a proven optimum for a MILP that SCIP does not close quickly, as agents write them: big-M
 * disjunctions over unbounded start times, MTZ orders, "count <= M * used". Within the one time limit:
 * <ol>
 *   <li>SCIP alone for a short probe (most models end here, proven);</li>
 *   <li>its incumbent becomes a cutoff, and {@link BoundPropagation} derives finite bounds from it
 *       (every solution at least as good satisfies them, so no optimum is lost);</li>
 *   <li>when the continuous part is a difference system with integral data, the integer model is an
 *       {@link IntegralRestriction exact} restriction, and CP-SAT (strong on such scheduling structure)
 *       proves its optimum, which then is the model's optimum;</li>
 *   <li>otherwise, or without a CP-SAT proof, SCIP again on the tightened model (its presolve shrinks every
 *       big-M to what the bounds allow), started from the best point found.</li>
 * </ol>
 * Without a proof the best verified point is returned as FEASIBLE with the best proven bound, so the gap
 * is known. A restriction's optimum is never reported as the model's unless the restriction is exact or a
 * proven bound of the model meets it. The steps run one after the other because {@code solveWithProto}
 * cannot be interrupted, so a race would wait for the slower engine anyway; CP-SAT uses both cores itself.
 */
public final class ProofSearch {

    private static final double PROBE_SHARE = 0.05;
    private static final Duration PROBE_MIN = Duration.ofSeconds(1);
    private static final Duration PROBE_MAX = Duration.ofSeconds(10);
    /** Below this much time left, no further step is started. */
    private static final Duration STEP_MIN = Duration.ofMillis(300);
    private static final double CLOSED = 1e-6;

    private final MpEngine scip = new MpEngine(Backend.SCIP);

    public BackendResult solve(GroundModel model, SolveOptions options) {
        if (!promising(model)) return scip.solve(model, options);
        long deadline = System.nanoTime() + options.timeLimit().toNanos();
        Duration probe = clamp(Duration.ofMillis((long) (options.timeLimit().toMillis() * PROBE_SHARE)));
        if (probe.compareTo(options.timeLimit()) > 0) probe = options.timeLimit();
        BackendResult first = scip.solve(model, options.withTimeLimit(probe));
        if (first.status() != SolveStatus.FEASIBLE && first.status() != SolveStatus.TIME_LIMIT) return first;
        boolean maximize = model.sense() == Sense.MAXIMIZE;
        Best best = new Best(model, maximize, first);
        List<String> steps = new ArrayList<>();
        steps.add("SCIP had no proof after " + seconds(probe) + (first.values() == null ? "" : " (incumbent " + number(best.value()) + ")"));

        Optional<GroundModel> exact = IntegralRestriction.of(model).flatMap(r -> BoundPropagation.tighten(r, best.value()));
        if (exact.isPresent() && bounded(exact.get()) && remaining(deadline).compareTo(STEP_MIN) > 0) {
            try {
                BackendResult cp = new CpSatEngine().solve(exact.get(), options.withTimeLimit(half(remaining(deadline))));
                if (cp.status() == SolveStatus.OPTIMAL) {
                    steps.add("the continuous variables form a difference system with integral data, so an integral optimum exists;"
                            + " CP-SAT proved " + number(best.valueOf(cp)) + " optimal on the integer model with bounds from the incumbent");
                    return cp.withOutcome(SolveStatus.OPTIMAL, "SCIP + CP-SAT", String.join("; ", steps)).withBound(best.valueOf(cp));
                }
                if (cp.values() != null) best.offer(cp);
                if (cp.status() == SolveStatus.FEASIBLE) best.bound(cp.bound()); // a bound of the exact restriction is one of the model
                steps.add("CP-SAT on the exact integer model: " + cp.status() + (cp.values() == null ? "" : " at " + number(best.valueOf(cp))));
            } catch (UnsupportedModelException e) {
                steps.add("CP-SAT could not take the integer model (" + e.getMessage() + ")");
            }
        }
        if (remaining(deadline).compareTo(STEP_MIN) > 0) {
            Optional<GroundModel> tightened = BoundPropagation.tighten(model, best.value());
            if (tightened.isPresent()) {
                BackendResult again = scip.solve(tightened.get(), options.withTimeLimit(remaining(deadline)), best.point());
                if (again.values() != null) best.offer(again);
                best.bound(again.bound());
                if (again.status() == SolveStatus.OPTIMAL) {
                    steps.add("SCIP proved it with the bounds propagated from the incumbent");
                    BackendResult winner = best.result();
                    return winner.withOutcome(SolveStatus.OPTIMAL, "SCIP + bound propagation", String.join("; ", steps))
                            .withBound(again.bound());
                }
                steps.add("SCIP with the propagated bounds: " + again.status());
            }
        }
        BackendResult winner = best.result();
        if (winner.values() != null && best.closed()) {
            steps.add("the best point meets the proven bound " + number(best.bestBound()));
            return winner.withOutcome(SolveStatus.OPTIMAL, winner.backend(), String.join("; ", steps)).withBound(best.bestBound());
        }
        SolveStatus status = winner.values() == null ? SolveStatus.TIME_LIMIT : SolveStatus.FEASIBLE;
        steps.add("no proof within the time limit" + (Double.isFinite(best.bestBound()) ? "; best bound " + number(best.bestBound()) : ""));
        return winner.withOutcome(status, winner.backend(), String.join("; ", steps)).withBound(best.bestBound());
    }

    /** The best point and the tightest proven bound seen so far. */
    private static final class Best {
        private final GroundModel model;
        private final boolean maximize;
        private BackendResult result;
        private double bound = Double.NaN;

        Best(GroundModel model, boolean maximize, BackendResult first) {
            this.model = model;
            this.maximize = maximize;
            this.result = first;
            bound(first.bound());
        }

        double valueOf(BackendResult r) {
            return r.values() == null ? Double.NaN : model.objectiveValue(r.values());
        }

        double value() {
            return valueOf(result);
        }

        double[] point() {
            return result.values();
        }

        BackendResult result() {
            return result;
        }

        double bestBound() {
            return bound;
        }

        void offer(BackendResult candidate) {
            double v = valueOf(candidate);
            if (result.values() == null || (maximize ? v > value() : v < value())) result = candidate;
        }

        void bound(double candidate) {
            if (Double.isNaN(candidate)) return;
            if (Double.isNaN(bound) || (maximize ? candidate < bound : candidate > bound)) bound = candidate;
        }

        boolean closed() {
            return Double.isFinite(bound) && Math.abs(value() - bound) <= CLOSED * Math.max(1, Math.abs(value()));
        }
    }

    /**
     * Whether the steps after the probe can add anything: an exact integer restriction exists, or an objective
     * cutoff bounds a variable that is unbounded now (any finite cutoff shows which). Otherwise restarting SCIP
     * would only throw away its progress (a location-routing model with MTZ orders took 14-26 s instead of 11 s that way).
     */
    static boolean promising(GroundModel model) {
        if (model.objective() == null) return false;
        double anyCutoff = model.sense() == Sense.MAXIMIZE ? -1e12 : 1e12;
        // CP-SAT needs every variable bounded (MTZ orders stay unbounded: the exact restriction alone is no use)
        if (IntegralRestriction.of(model).flatMap(r -> BoundPropagation.tighten(r, anyCutoff)).filter(ProofSearch::bounded).isPresent()) return true;
        Optional<GroundModel> without = BoundPropagation.tighten(model, Double.NaN);
        Optional<GroundModel> with = BoundPropagation.tighten(model, anyCutoff);
        return without.isPresent() && with.isPresent() && unbounded(with.get()) < unbounded(without.get());
    }

    private static long unbounded(GroundModel model) {
        boolean[] used = model.usedVariables();
        return model.variables().stream()
                .filter(v -> used[v.index()] && (Double.isInfinite(v.lower()) || Double.isInfinite(v.upper()))).count();
    }

    private static boolean bounded(GroundModel model) {
        boolean[] used = model.usedVariables();
        for (VariableInstance v : model.variables()) {
            if (used[v.index()] && (Double.isInfinite(v.lower()) || Double.isInfinite(v.upper()))) return false;
        }
        return true;
    }

    private static Duration clamp(Duration d) {
        if (d.compareTo(PROBE_MIN) < 0) return PROBE_MIN;
        return d.compareTo(PROBE_MAX) > 0 ? PROBE_MAX : d;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static Duration half(Duration d) {
        return d.dividedBy(2);
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.6g", v);
    }
}
