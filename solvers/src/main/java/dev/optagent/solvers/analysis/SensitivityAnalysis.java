package dev.optagent.solvers.analysis;

import dev.optagent.formulation.VariableType;
import dev.optagent.formulation.analysis.ProblemClass;
import dev.optagent.formulation.ground.GroundConstraint;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;
import dev.optagent.formulation.render.ReadableNumber;
import dev.optagent.solvers.Backend;
import dev.optagent.solvers.BackendResult;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolveStatus;
import dev.optagent.solvers.UnsupportedModelException;
import dev.optagent.solvers.mp.MpEngine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the sensitivity of an optimum: slacks from the verified values, shadow prices and reduced costs from
 * the engine. A MILP has no duals of its own, so its integer variables are fixed at their optimal values and
 * the remaining LP is solved with GLOP (the usual reading, labelled as such: the prices say what a unit is worth
 * while the integer decisions stay put).
 */
public final class SensitivityAnalysis {

    static final String LP = "LP";
    static final String FIXED = "LP with the integer variables fixed at their optimal values";
    static final String RANGING = "ranges (how far a right-hand side or a cost can move before the plan changes) are not"
            + " reported by the OR-Tools engines, so none are shown";
    static final String RANGED = "computed by parametric re-solves (relative tolerance " + Ranging.TOLERANCE + "): a constraint's range is"
            + " the values of its limit over which its shadow price holds; a decision's, the values of its objective coefficient"
            + " over which the plan stays optimal";
    static final String RANGING_FIXED = "ranges are computed for linear programs only: with the integers fixed they would"
            + " describe a plan the integer decisions might not keep";
    static final String RANGING_LARGE = "ranges are computed for linear programs with at most " + Ranging.MAX_ROWS_AND_COLUMNS
            + " constraint instances and variables (each needs a few re-solves)";

    private static final int NOTES_PER_KIND = 5;

    private SensitivityAnalysis() {
    }

    /** Sensitivity at a verified optimum; {@code values} are the engine's values, {@code result} what it returned. */
    public static Sensitivity of(GroundModel model, ProblemClass problemClass, double[] values, BackendResult result, SolveOptions options) {
        Map<String, Double> duals = result.duals();
        Map<String, Double> reducedCosts = result.reducedCosts();
        String basis = duals.isEmpty() ? null : LP;
        String noPrices = null;
        if (duals.isEmpty() && problemClass == ProblemClass.MILP && linear(model) && !hasContinuous(model)) {
            // Every decision is a whole number: with the integers fixed nothing is left to price.
            noPrices = "every decision is a whole number, so no shadow prices apply; change a limit and re-solve to see its effect";
        } else if (duals.isEmpty() && problemClass == ProblemClass.MILP && linear(model)) {
            BackendResult fixed = fixedLp(model, values, options);
            if (fixed != null) {
                duals = fixed.duals();
                reducedCosts = fixed.reducedCosts();
                basis = FIXED;
            }
        }
        Map<String, Sensitivity.ConstraintSensitivity> constraints = new LinkedHashMap<>();
        for (GroundConstraint constraint : model.constraints()) {
            if (!enforced(constraint, values)) continue;
            double activity = clean(constraint.body().evaluate(values));
            Double lower = Double.isFinite(constraint.lower()) ? constraint.lower() : null;
            Double upper = Double.isFinite(constraint.upper()) ? constraint.upper() : null;
            double slack = Math.min(lower == null ? Double.POSITIVE_INFINITY : activity - lower,
                    upper == null ? Double.POSITIVE_INFINITY : upper - activity);
            slack = Double.isFinite(slack) ? clean(Math.max(0, slack)) : 0;
            double scale = Math.max(1, Math.max(Math.abs(lower == null ? 0 : lower), Math.abs(upper == null ? 0 : upper)));
            boolean binding = (lower != null || upper != null) && slack <= 1e-7 * scale;
            Double dual = duals.containsKey(constraint.label()) ? clean(duals.get(constraint.label())) : null;
            constraints.put(constraint.label(), new Sensitivity.ConstraintSensitivity(dual, binding ? 0 : slack, activity, lower, upper, binding, null));
        }
        Map<String, Sensitivity.VariableSensitivity> variables = new LinkedHashMap<>();
        for (VariableInstance variable : model.variables()) {
            // A fixed integer's reduced cost prices a move the fixed LP cannot make; it would mislead.
            Double reduced = FIXED.equals(basis) && variable.isDiscrete() ? null : reducedCosts.get(variable.label());
            if (reduced != null) variables.put(variable.label(), new Sensitivity.VariableSensitivity(clean(values[variable.index()]), clean(reduced), null));
        }
        String ranging = basis == null ? null : RANGING;
        if (LP.equals(basis) && model.hasObjective()) {
            if (model.constraints().size() + model.variableCount() > Ranging.MAX_ROWS_AND_COLUMNS) ranging = RANGING_LARGE;
            else {
                ranges(model, values, options, constraints, variables);
                ranging = RANGED;
            }
        } else if (FIXED.equals(basis)) {
            ranging = RANGING_FIXED;
        }
        if (basis == null && noPrices == null) {
            noPrices = model.hasObjective() ? "the engine gives no shadow prices for a " + problemClass + " model" : "a model without an objective has no prices";
        }
        return new Sensitivity(basis, constraints, variables, notes(constraints, variables, model.hasObjective()), ranging, noPrices);
    }

    /** Fills in the right-hand-side range of every constraint instance and the cost range of every variable. */
    private static void ranges(GroundModel model, double[] values, SolveOptions options, Map<String, Sensitivity.ConstraintSensitivity> constraints,
                               Map<String, Sensitivity.VariableSensitivity> variables) {
        Ranging ranging = new Ranging(model, options);
        double objective = model.objectiveValue(values);
        for (GroundConstraint constraint : model.constraints()) {
            Sensitivity.ConstraintSensitivity c = constraints.get(constraint.label());
            if (c == null || c.dual() == null || (c.lower() == null && c.upper() == null)) continue;
            Sensitivity.Range range;
            if (c.binding()) {
                boolean upper = c.upper() != null && Math.abs(c.upper() - c.activity()) <= Math.abs(c.lower() == null ? Double.POSITIVE_INFINITY : c.lower() - c.activity());
                boolean both = c.lower() != null && c.upper() != null && c.lower().equals(c.upper());
                range = ranging.rhs(constraint, upper || both, !upper || both, objective, c.dual());
            } else if (c.upper() != null && (c.lower() == null || c.upper() - c.activity() <= c.activity() - c.lower())) {
                range = new Sensitivity.Range(c.upper(), c.activity(), null); // a limit with room to spare can fall to the level used
            } else {
                range = new Sensitivity.Range(c.lower(), null, c.activity());
            }
            constraints.put(constraint.label(), c.withRange(range));
        }
        for (VariableInstance variable : model.variables()) {
            Sensitivity.VariableSensitivity v = variables.get(variable.label());
            if (v != null) variables.put(variable.label(), v.withCostRange(ranging.cost(variable, objective, values[variable.index()])));
        }
    }

    /** The LP left when every integer variable is fixed at its (rounded) optimal value; null if GLOP cannot solve it. */
    private static BackendResult fixedLp(GroundModel model, double[] values, SolveOptions options) {
        List<VariableInstance> fixed = new ArrayList<>();
        for (VariableInstance v : model.variables()) {
            if (!v.isDiscrete()) fixed.add(v);
            else {
                double value = Math.rint(values[v.index()]);
                fixed.add(new VariableInstance(v.index(), v.block(), v.key(), VariableType.CONTINUOUS, value, value));
            }
        }
        // With the binaries fixed, an indicator row either holds as a plain row or does not apply at all.
        List<GroundConstraint> rows = new ArrayList<>();
        for (GroundConstraint c : model.constraints()) {
            if (!c.isIndicator()) rows.add(c);
            else if (enforced(c, values)) rows.add(new GroundConstraint(c.family(), c.label(), c.body(), c.lower(), c.upper(), -1, false));
        }
        try {
            BackendResult lp = new MpEngine(Backend.GLOP).solve(model.withVariables(fixed).withConstraints(rows), options.withDiagnosis(false));
            return lp.status() == SolveStatus.OPTIMAL && !lp.duals().isEmpty() ? lp : null;
        } catch (UnsupportedModelException e) {
            return null;
        }
    }

    private static boolean hasContinuous(GroundModel model) {
        boolean[] used = model.usedVariables();
        return model.variables().stream().anyMatch(v -> !v.isDiscrete() && used[v.index()]);
    }

    private static boolean linear(GroundModel model) {
        return (model.objective() == null || model.objective().isAffine())
                && model.constraints().stream().allMatch(c -> c.body().isAffine());
    }

    private static boolean enforced(GroundConstraint constraint, double[] values) {
        return !constraint.isIndicator() || (values[constraint.indicatorVariable()] > 0.5) == constraint.indicatorValue();
    }

    private static List<String> notes(Map<String, Sensitivity.ConstraintSensitivity> constraints,
                                      Map<String, Sensitivity.VariableSensitivity> variables, boolean hasObjective) {
        List<String> notes = new ArrayList<>();
        List<Map.Entry<String, Sensitivity.ConstraintSensitivity>> binding = constraints.entrySet().stream()
                .filter(e -> e.getValue().binding())
                .sorted(Comparator.comparingDouble(e -> -Math.abs(e.getValue().dual() == null ? 0 : e.getValue().dual())))
                .limit(NOTES_PER_KIND).toList();
        for (var entry : binding) {
            Sensitivity.ConstraintSensitivity c = entry.getValue();
            String at = ReadableNumber.of(c.activity());
            if (c.dual() == null || !hasObjective) {
                notes.add(entry.getKey() + " is binding (at " + at + ").");
            } else if (c.dual() == 0) {
                notes.add(entry.getKey() + " is binding (at " + at + "), but one more unit of its limit would not change the objective.");
            } else {
                notes.add(entry.getKey() + " is binding (at " + at + "): one more unit of its limit " + (c.dual() > 0 ? "raises" : "lowers")
                        + " the objective by " + ReadableNumber.of(Math.abs(c.dual())) + " (its shadow price).");
            }
        }
        constraints.entrySet().stream().filter(e -> !e.getValue().binding() && (e.getValue().lower() != null || e.getValue().upper() != null))
                .sorted(Comparator.comparingDouble(e -> e.getValue().slack())).limit(NOTES_PER_KIND)
                .forEach(e -> notes.add(e.getKey() + " has " + ReadableNumber.of(e.getValue().slack()) + " to spare (at "
                        + ReadableNumber.of(e.getValue().activity()) + ")."));
        if (hasObjective) {
            variables.entrySet().stream().filter(e -> e.getValue().value() == 0 && e.getValue().reducedCost() != 0)
                    .sorted(Comparator.comparingDouble(e -> Math.abs(e.getValue().reducedCost()))).limit(NOTES_PER_KIND)
                    .forEach(e -> notes.add(e.getKey() + " is 0; each unit of it would " + (e.getValue().reducedCost() > 0 ? "raise" : "lower")
                            + " the objective by " + ReadableNumber.of(Math.abs(e.getValue().reducedCost())) + " (its reduced cost)."));
        }
        return notes;
    }

    /** Simplex round-off reads as what it stands for: 6e-14 as 0, 0.12599999999999997 as 0.126. */
    private static double clean(double value) {
        if (Math.abs(value) < 1e-9 || !Double.isFinite(value)) return Double.isFinite(value) ? 0 : value;
        return new java.math.BigDecimal(value).round(new java.math.MathContext(12)).doubleValue();
    }
}
