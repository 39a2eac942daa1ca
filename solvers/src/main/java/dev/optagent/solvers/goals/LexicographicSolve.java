package dev.optagent.solvers.goals;

import dev.optagent.formulation.Diagnostic;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.Goal;
import dev.optagent.formulation.Sense;
import dev.optagent.formulation.ground.GroundConstraint;
import dev.optagent.formulation.ground.GroundExpr;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.solvers.GoalValue;
import dev.optagent.solvers.ModelSolver;
import dev.optagent.solvers.Solution;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolveStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Lexicographic goal programming by sequential solves: goal 1 is optimised alone; goal k is optimised with
 * every higher goal j held by a row {@code goal_j <= optimum_j + allowance_j} (>= for a maximised goal), the
 * way Gurobi's and CPLEX's hierarchical objectives work. Each stage is an ordinary solve, so it is routed,
 * proven and verified like any model; the held rows are real constraints of the last stage, so its
 * verification covers them too. A goal over integer variables with integral coefficients is held at its
 * integer optimum exactly (no slack from the engine's tolerance). The answer is the last stage's point, its
 * objective the first goal's value; a stage without an optimum ends the sequence with that stage's status.
 */
public final class LexicographicSolve {

    /** Slack added to a held optimum with a zero tolerance, so engine round-off cannot make the next stage infeasible. */
    private static final double HOLD_SLACK = 1e-7;

    private final ModelSolver solver;

    public LexicographicSolve(ModelSolver solver) {
        this.solver = solver;
    }

    public Solution solve(Formulation formulation, SolveOptions options) {
        List<Goal> goals = formulation.objectives();
        List<GroundModel> grounded = ground(formulation);
        long deadline = System.nanoTime() + options.timeLimit().toNanos();
        List<GroundConstraint> held = new ArrayList<>();
        List<GoalValue> values = new ArrayList<>();
        List<GroundModel> stages = new ArrayList<>();
        Solution last = null;
        for (int k = 0; k < goals.size(); k++) {
            Goal goal = goals.get(k);
            GroundModel base = grounded.get(k);
            List<GroundConstraint> rows = new ArrayList<>(base.constraints());
            rows.addAll(held);
            GroundModel stage = base.withConstraints(rows);
            stages.add(stage);
            Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
            Duration share = left.dividedBy(goals.size() - k);
            Solution solution = solver.solve(stage, options.withTimeLimit(share));
            if (solution.status() != SolveStatus.OPTIMAL) {
                values.add(new GoalValue(name(goal, k), goal.sense(), null, solution.objective(), 0, solution.status()));
                for (int j = k + 1; j < goals.size(); j++) values.add(new GoalValue(name(goals.get(j), j), goals.get(j).sense(), null, null, 0, null));
                return withGoals(solution, values, k, stages, last);
            }
            double optimum = solution.objective();
            if (integral(stage, stage.objective())) optimum = Math.rint(optimum);
            double allowance = goal.allowance(optimum);
            values.add(new GoalValue(name(goal, k), goal.sense(), optimum, null, allowance, SolveStatus.OPTIMAL));
            double slack = allowance > 0 ? allowance : (integral(stage, stage.objective()) ? 0 : HOLD_SLACK * Math.max(1, Math.abs(optimum)));
            boolean minimize = goal.sense() == Sense.MINIMIZE;
            held.add(new GroundConstraint("goal_" + name(goal, k), "goal_" + name(goal, k), stage.objective(),
                    minimize ? Double.NEGATIVE_INFINITY : optimum - slack, minimize ? optimum + slack : Double.POSITIVE_INFINITY, -1, false));
            last = solution;
        }
        return withGoals(last, values, goals.size(), stages, last);
    }

    /**
     * Every stage grounded before any is solved, so all errors come at once; an error in a goal names the goal
     * ({@code objectives[2]}) rather than "objective".
     */
    private static List<GroundModel> ground(Formulation formulation) {
        List<Diagnostic> errors = new ArrayList<>();
        if (formulation.objective() != null) {
            errors.add(Diagnostic.error("objectives.both", "objectives", null, -1,
                    "the formulation has both \"objective\" and \"objectives\"")
                    .expecting("one objective, or a list of goals in priority order, not both"));
        }
        List<GroundModel> stages = new ArrayList<>();
        for (int k = 0; k < formulation.objectives().size(); k++) {
            if (formulation.objectives().get(k).sense() == Sense.FEASIBLE) {
                errors.add(Diagnostic.error("objectives.feasible", "objectives[" + (k + 1) + "]", "sense", -1,
                        "a goal is minimized or maximized; \"feasible\" is only for the single \"objective\"")
                        .expecting("\"minimize\" or \"maximize\""));
                continue;
            }
            try {
                stages.add(GroundModel.of(formulation.stage(k)));
            } catch (FormulationException e) {
                String element = "objectives[" + (k + 1) + "]";
                for (Diagnostic d : e.diagnostics()) {
                    Diagnostic named = "objective".equals(d.element())
                            ? new Diagnostic(d.severity(), d.code(), element, d.field(), d.position(), d.message(), d.expected(), d.suggestion())
                            : d;
                    if (!errors.contains(named)) errors.add(named);
                }
            }
        }
        if (!errors.isEmpty()) throw new FormulationException(errors);
        return stages;
    }

    /** The reported solution: the last stage's point, every goal's value recomputed there, objective = goal 1. */
    private static Solution withGoals(Solution solution, List<GoalValue> values, int solvedStages, List<GroundModel> stages,
                                      Solution lastOptimal) {
        Solution point = solution.status().hasSolution() ? solution : lastOptimal;
        List<GoalValue> reported = new ArrayList<>();
        double[] x = point == null ? null : point(stages.getLast(), point);
        for (int k = 0; k < values.size(); k++) {
            GoalValue v = values.get(k);
            Double value = x == null || k >= stages.size() ? null : stages.get(k).objective().evaluate(x);
            reported.add(new GoalValue(v.name(), v.sense(), v.optimum(), value, v.allowance(), v.status()));
        }
        SolveStatus status = solution.status();
        String message = solution.message();
        if (solvedStages < values.size() && point != null && point != solution) {
            status = SolveStatus.FEASIBLE;
            message = "goal " + (solvedStages + 1) + " (" + values.get(solvedStages).name() + ") ended " + solution.status()
                    + (solution.message() == null ? "" : ": " + solution.message())
                    + "; the point reported is optimal for the goals above it";
        } else if (solvedStages < values.size() && solution.status() == SolveStatus.FEASIBLE) {
            message = "goal " + (solvedStages + 1) + " (" + values.get(solvedStages).name() + ") has no proof of optimality"
                    + (solution.message() == null ? "" : " (" + solution.message() + ")") + "; the goals above it are optimal";
        }
        Double first = reported.isEmpty() || !status.hasSolution() ? null : reported.getFirst().value();
        return new Solution(status, first, status == SolveStatus.OPTIMAL ? point.optimality() : null, point == null ? solution.problemClass() : point.problemClass(),
                point == null ? solution.backend() : point.backend(), point == null ? solution.backendVersion() : point.backendVersion(),
                status.hasSolution() ? point.variables() : solution.variables(), status.hasSolution() ? point.verification() : solution.verification(),
                solution.diagnosis(), java.util.Map.of(), java.util.Map.of(), solution.timings(), message, solution.warnings(),
                null, null, List.copyOf(reported));
    }

    /** Values by variable index from a solution's label map (labels are unique per instance). */
    private static double[] point(GroundModel model, Solution solution) {
        double[] x = new double[model.variableCount()];
        for (var v : model.variables()) x[v.index()] = solution.variables().getOrDefault(v.label(), 0.0);
        return x;
    }

    /** An expression that takes integer values only: integer variables with integral coefficients and constant. */
    private static boolean integral(GroundModel model, GroundExpr expr) {
        if (!expr.isAffine() || expr.constant() != Math.rint(expr.constant())) return false;
        int[] vs = expr.linearVariables();
        double[] cs = expr.linearCoefficients();
        for (int k = 0; k < vs.length; k++) {
            if (!model.variable(vs[k]).isDiscrete() || cs[k] != Math.rint(cs[k])) return false;
        }
        return true;
    }

    private static String name(Goal goal, int k) {
        return goal.name() == null || goal.name().isBlank() ? "goal" + (k + 1) : goal.name();
    }
}
