package dev.optagent.solvers.mp;

import com.google.ortools.linearsolver.MPAbsConstraint;
import com.google.ortools.linearsolver.MPArrayWithConstantConstraint;
import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPGeneralConstraintProto;
import com.google.ortools.linearsolver.MPIndicatorConstraint;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPQuadraticConstraint;
import com.google.ortools.linearsolver.MPQuadraticObjective;
import com.google.ortools.linearsolver.MPVariableProto;
import dev.optagent.formulation.Sense;
import dev.optagent.formulation.ground.Atom;
import dev.optagent.formulation.ground.Function;
import dev.optagent.formulation.ground.GroundConstraint;
import dev.optagent.formulation.ground.GroundExpr;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.QuadraticForm;
import dev.optagent.formulation.ground.VariableInstance;
import dev.optagent.solvers.UnsupportedModelException;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a ground model to an OR-Tools {@link MPModelProto}. Column j is variable instance j; auxiliary
 * columns follow. Products become quadratic terms (higher degrees through auxiliary columns, so any
 * polynomial reaches SCIP as a quadratically constrained program, which SCIP solves globally). With
 * {@code generalConstraints} (SCIP), abs/min/max and indicators are passed natively; otherwise indicators
 * get a big-M derived from variable bounds and abs/min/max are refused.
 */
final class MpCompiler {

    private final GroundModel model;
    private final boolean generalConstraints;
    private final boolean quadraticAllowed;
    private final MPModelProto.Builder proto = MPModelProto.newBuilder();
    private final List<String> linearRowLabels = new ArrayList<>();
    private int auxiliaries;

    MpCompiler(GroundModel model, boolean generalConstraints, boolean quadraticAllowed) {
        this.model = model;
        this.generalConstraints = generalConstraints;
        this.quadraticAllowed = quadraticAllowed;
    }

    /** Labels of the linear rows in proto order (duals come back in this order). */
    List<String> linearRowLabels() {
        return linearRowLabels;
    }

    MPModelProto compile() {
        proto.setName(model.formulation().name() == null ? "model" : model.formulation().name());
        for (VariableInstance variable : model.variables()) {
            proto.addVariable(MPVariableProto.newBuilder()
                    .setName(variable.label())
                    .setLowerBound(variable.lower())
                    .setUpperBound(variable.upper())
                    .setIsInteger(variable.isDiscrete()));
        }
        if (model.objective() != null) {
            QuadraticForm objective = quadratic(model.objective());
            proto.setMaximize(model.sense() == Sense.MAXIMIZE);
            proto.setObjectiveOffset(objective.constant());
            objective.linear().forEach((column, coef) -> proto.getVariableBuilder(column)
                    .setObjectiveCoefficient(proto.getVariableBuilder(column).getObjectiveCoefficient() + coef));
            if (!objective.isLinear()) {
                requireQuadratic("the objective");
                MPQuadraticObjective.Builder q = MPQuadraticObjective.newBuilder();
                objective.quadratic().forEach(t -> q.addQvar1Index(t.first())
                .addQvar2Index(t.second()).addCoefficient(t.coef()));
                proto.setQuadraticObjective(q);
            }
        }
        for (GroundConstraint constraint : model.constraints()) {
            addConstraint(constraint);
        }
        return proto.build();
    }

    private void addConstraint(GroundConstraint constraint) {
        QuadraticForm body = quadratic(constraint.body());
        double lower = constraint.lower() - body.constant();
        double upper = constraint.upper() - body.constant();
        if (!body.isLinear()) {
            requireQuadratic("constraint " + constraint.label());
            if (constraint.isIndicator()) {
                throw new UnsupportedModelException("constraint " + constraint.label()
                        + " is an indicator constraint with a quadratic expression; make the enforced expression linear");
            }
            MPQuadraticConstraint.Builder q = MPQuadraticConstraint.newBuilder().setLowerBound(lower).setUpperBound(upper);
            body.linear().forEach((column, coef) -> q.addVarIndex(column).addCoefficient(coef));
            body.quadratic().forEach(t -> q.addQvar1Index(t.first())
                .addQvar2Index(t.second()).addQcoefficient(t.coef()));
            proto.addGeneralConstraint(MPGeneralConstraintProto.newBuilder().setName(constraint.label()).setQuadraticConstraint(q));
            return;
        }
        if (!constraint.isIndicator()) {
            proto.addConstraint(row(constraint.label(), body, lower, upper));
            linearRowLabels.add(constraint.label());
            return;
        }
        // Indicators are one-sided in SCIP, so a ranged or equality row becomes two.
        if (Double.isFinite(upper)) addIndicator(constraint, body, Double.NEGATIVE_INFINITY, upper, "");
        if (Double.isFinite(lower)) addIndicator(constraint, body, lower, Double.POSITIVE_INFINITY, Double.isFinite(upper) ? "#lower" : "");
    }

    private void addIndicator(GroundConstraint constraint, QuadraticForm body, double lower, double upper, String suffix) {
        String name = constraint.label() + suffix;
        if (generalConstraints) {
            proto.addGeneralConstraint(MPGeneralConstraintProto.newBuilder().setName(name)
                    .setIndicatorConstraint(MPIndicatorConstraint.newBuilder()
                            .setVarIndex(constraint.indicatorVariable())
                            .setVarValue(constraint.indicatorValue() ? 1 : 0)
                            .setConstraint(row(name, body, lower, upper))));
            return;
        }
        // Big-M from bounds: body <= upper + M * (1 - literal), M = max(body) - upper (never a blind constant).
        int y = constraint.indicatorVariable();
        double extreme = Double.isFinite(upper) ? activityBound(body, true) : activityBound(body, false);
        if (!Double.isFinite(extreme)) {
            throw new UnsupportedModelException("constraint " + constraint.label() + " is an indicator constraint whose"
                    + " expression has no finite " + (Double.isFinite(upper) ? "upper" : "lower")
                    + " bound, so no big-M can be derived; give its variables finite bounds or use the SCIP backend");
        }
        QuadraticForm relaxed = new QuadraticForm();
        relaxed.add(body, 1);
        if (Double.isFinite(upper)) {
            double bigM = Math.max(0, extreme - upper);
            // literal active (y == v): body <= upper; inactive: body <= upper + M
            if (constraint.indicatorValue()) { relaxed.addLinear(y, bigM); upper += bigM; } else { relaxed.addLinear(y, -bigM); }
            proto.addConstraint(row(name, relaxed, Double.NEGATIVE_INFINITY, upper));
        } else {
            double bigM = Math.max(0, lower - extreme);
            if (constraint.indicatorValue()) { relaxed.addLinear(y, -bigM); lower -= bigM; } else { relaxed.addLinear(y, bigM); }
            proto.addConstraint(row(name, relaxed, lower, Double.POSITIVE_INFINITY));
        }
        linearRowLabels.add(name);
    }

    private double activityBound(QuadraticForm body, boolean max) {
        double total = 0;
        for (var entry : body.linear().entrySet()) {
            MPVariableProto.Builder column = proto.getVariableBuilder(entry.getKey());
            double coef = entry.getValue();
            boolean useUpper = (coef > 0) == max;
            total += coef * (useUpper ? column.getUpperBound() : column.getLowerBound());
        }
        return total;
    }

    private static MPConstraintProto.Builder row(String name, QuadraticForm body, double lower, double upper) {
        MPConstraintProto.Builder row = MPConstraintProto.newBuilder().setName(name).setLowerBound(lower).setUpperBound(upper);
        body.linear().forEach((column, coef) -> {
            if (coef != 0) row.addVarIndex(column).addCoefficient(coef);
        });
        return row;
    }

    private void requireQuadratic(String where) {
        if (!quadraticAllowed) {
            throw new UnsupportedModelException(where + " is quadratic, and this backend only solves linear models"
                    + " (it would silently drop quadratic terms); use the SCIP backend");
        }
    }

    // ---- expressions to quadratic forms --------------------------------------------------------------

    private QuadraticForm quadratic(GroundExpr expr) {
        return QuadraticForm.of(expr, this::atom);
    }

    private QuadraticForm atom(Atom atom) {
        return switch (atom) {
            case Atom.Product product -> product(quadratic(product.left()), quadratic(product.right()));
            case Atom.Power power -> power(power);
            case Atom.Apply apply -> apply(apply);
            case Atom.Quotient quotient -> throw new UnsupportedModelException(
                    "division by an expression with variables (" + quotient + ") is not a polynomial; it needs the NLP backend");
        };
    }

    /**
     * A product of two non-constant factors becomes one bilinear term between two columns; a factor with
     * several terms first gets its own auxiliary column. Expanding (Σ a·x − b)² term by term instead gives
     * dense quadratic forms with large cancelling coefficients that SCIP handles badly (a 3-variable least
     * squares took it past its time limit); the column form keeps the quadratic part sparse and diagonal.
     */
    private QuadraticForm product(QuadraticForm a, QuadraticForm b) {
        if (a.isConstant()) { QuadraticForm out = new QuadraticForm(); out.add(b, a.constant()); return out; }
        if (b.isConstant()) { QuadraticForm out = new QuadraticForm(); out.add(a, b.constant()); return out; }
        return QuadraticForm.product(QuadraticForm.variable(column(a)), QuadraticForm.variable(column(b)));
    }

    private QuadraticForm power(Atom.Power power) {
        if (SquareRoots.isSquareRoot(power)) return squareRoot(power.base(), power.toString());
        int exponent = power.integerExponent();
        if (exponent < 0) {
            throw new UnsupportedModelException("the power " + power + " has a non-integer or variable exponent; it needs the NLP backend");
        }
        QuadraticForm base = quadratic(power.base());
        if (exponent == 0) return QuadraticForm.constant(1);
        if (exponent == 1 || base.isConstant()) return exponent == 1 ? base : QuadraticForm.constant(Math.pow(base.constant(), exponent));
        QuadraticForm factor = QuadraticForm.variable(column(base));
        QuadraticForm result = factor;
        for (int k = 1; k < exponent; k++) result = product(result, factor);
        return result;
    }

    /** A quadratic factor becomes an auxiliary column z with the row z = factor, so products stay quadratic. */
    private QuadraticForm affine(QuadraticForm form) {
        if (form.isLinear()) return form;
        requireQuadratic("a product of more than two variables");
        int z = auxiliary("product", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        MPQuadraticConstraint.Builder q = MPQuadraticConstraint.newBuilder()
                .setLowerBound(-form.constant()).setUpperBound(-form.constant());
        q.addVarIndex(z).addCoefficient(-1);
        form.linear().forEach((column, coef) -> q.addVarIndex(column).addCoefficient(coef));
        form.quadratic().forEach(t -> q.addQvar1Index(t.first())
                .addQvar2Index(t.second()).addQcoefficient(t.coef()));
        proto.addGeneralConstraint(MPGeneralConstraintProto.newBuilder().setName("aux_product_" + z).setQuadraticConstraint(q));
        return QuadraticForm.variable(z);
    }

    private QuadraticForm apply(Atom.Apply apply) {
        Function function = apply.function();
        if (function == Function.SQRT) return squareRoot(apply.arguments().getFirst(), apply.toString());
        if (!function.isPiecewiseLinear()) {
            throw new UnsupportedModelException(function.symbol() + " of a variable expression is not polynomial; it needs the NLP backend");
        }
        if (!generalConstraints) {
            throw new UnsupportedModelException(function.symbol() + "(...) of variables needs the SCIP backend (native abs/min/max constraints)");
        }
        List<Integer> columns = new ArrayList<>();
        for (GroundExpr argument : apply.arguments()) columns.add(column(quadratic(argument)));
        int result = auxiliary(function.symbol(), function == Function.ABS ? 0 : Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        MPGeneralConstraintProto.Builder general = MPGeneralConstraintProto.newBuilder().setName("aux_" + function.symbol() + "_" + result);
        switch (function) {
            case ABS -> general.setAbsConstraint(MPAbsConstraint.newBuilder().setVarIndex(columns.getFirst()).setResultantVarIndex(result));
            case MIN -> general.setMinConstraint(MPArrayWithConstantConstraint.newBuilder().addAllVarIndex(columns).setResultantVarIndex(result));
            case MAX -> general.setMaxConstraint(MPArrayWithConstantConstraint.newBuilder().addAllVarIndex(columns).setResultantVarIndex(result));
            default -> throw new IllegalStateException(function.toString());
        }
        proto.addGeneralConstraint(general);
        return QuadraticForm.variable(result);
    }

    /**
     * {@code sqrt(E)} as an auxiliary column t with t >= 0 and the quadratic equality t^2 = E: exact (the
     * square root is the one non-negative solution, and E < 0 has none, as sqrt is undefined there), so SCIP's
     * spatial branch and bound solves the model globally.
     */
    private QuadraticForm squareRoot(GroundExpr argument, String text) {
        if (!generalConstraints) {
            throw new UnsupportedModelException("sqrt of a variable expression (" + text + ") needs the SCIP backend");
        }
        QuadraticForm radicand = quadratic(argument);
        if (radicand.isConstant()) return QuadraticForm.constant(Math.sqrt(radicand.constant()));
        QuadraticForm inner = QuadraticForm.variable(column(radicand));
        int t = auxiliary("sqrt", 0, Double.POSITIVE_INFINITY);
        int e = inner.asSingleVariable();
        MPQuadraticConstraint.Builder q = MPQuadraticConstraint.newBuilder().setLowerBound(0).setUpperBound(0)
                .addVarIndex(e).addCoefficient(-1).addQvar1Index(t).addQvar2Index(t).addQcoefficient(1);
        proto.addGeneralConstraint(MPGeneralConstraintProto.newBuilder().setName("aux_sqrt_" + t).setQuadraticConstraint(q));
        return QuadraticForm.variable(t);
    }

    /** A column equal to the form: the form itself when it is one variable, else an auxiliary defined by a row. */
    private int column(QuadraticForm form) {
        int direct = form.asSingleVariable();
        if (direct >= 0) return direct;
        QuadraticForm linear = affine(form);
        direct = linear.asSingleVariable();
        if (direct >= 0) return direct;
        int t = auxiliary("term", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        QuadraticForm definition = new QuadraticForm();
        definition.add(linear, 1);
        definition.addLinear(t, -1);
        proto.addConstraint(row("aux_term_" + t, definition, -linear.constant(), -linear.constant()));
        linearRowLabels.add("aux_term_" + t);
        return t;
    }

    private int auxiliary(String kind, double lower, double upper) {
        int column = proto.getVariableCount();
        proto.addVariable(MPVariableProto.newBuilder().setName("aux_" + kind + "_" + (auxiliaries++))
                .setLowerBound(lower).setUpperBound(upper));
        return column;
    }
}
