package dev.optagent.formulation.render;

import dev.optagent.formulation.ground.QuadraticForm;
import dev.optagent.formulation.Sense;
import dev.optagent.formulation.VariableType;
import dev.optagent.formulation.ground.GroundConstraint;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;

import java.util.ArrayList;
import java.util.List;

/**
 * A ground model reduced to what LP and MPS files can say: named columns with bounds and types, and named
 * rows whose bodies are at most quadratic, each with one sense or a range. Building it is where all the
 * checking and naming happens, so the two writers only print and cannot disagree about a model.
 *
 * @param objective the objective with its constant (zero for a feasibility problem)
 * @param notes     remarks the writers put in comments (rows left out or split, and why)
 */
record ExportModel(String name, Sense sense, boolean feasibility, QuadraticForm objective, List<Column> columns,
                   List<Row> rows, List<String> notes, List<ExportNames.Rename> columnRenames,
                   List<ExportNames.Rename> rowRenames) {

    /** The name of the objective row (LP's objective label, MPS's N row). */
    static final String OBJECTIVE_ROW = "obj";

    /** What differs between the targets when reducing the model. */
    enum Format {
        /** CPLEX LP has no ranged-row syntax that every reader takes, so ranges become two rows. */
        LP("LP", false),
        /** MPS has a RANGES section for linear rows (CPLEX and Gurobi allow no range on quadratic or indicator rows). */
        MPS("MPS", true);

        final String title;
        final boolean linearRanges;

        Format(String title, boolean linearRanges) {
            this.title = title;
            this.linearRanges = linearRanges;
        }
    }

    record Column(int index, String name, String label, VariableType type, double lower, double upper) {

        boolean isDiscrete() {
            return type.isDiscrete();
        }

        /** A 0/1 variable whose bounds are exactly what a binary declaration implies. */
        boolean isPlainBinary() {
            return type == VariableType.BINARY && lower == 0 && upper == 1;
        }
    }

    /** {@code lower <= body <= upper}, with at most one side infinite unless it is an equality. */
    record Row(String name, String label, QuadraticForm body, double lower, double upper,
               int indicatorColumn, boolean indicatorValue) {

        enum Kind { EQUAL, LESS, GREATER, RANGE }

        Kind kind() {
            if (lower == upper) return Kind.EQUAL;
            if (Double.isInfinite(lower)) return Kind.LESS;
            if (Double.isInfinite(upper)) return Kind.GREATER;
            return Kind.RANGE;
        }

        boolean isIndicator() {
            return indicatorColumn >= 0;
        }

        /** The single right-hand side of a one-sided row, or the lower end of a range. */
        double rhs() {
            return kind() == Kind.LESS ? upper : lower;
        }
    }

    static ExportModel of(GroundModel model, Format format) {
        List<VariableInstance> variables = model.variables();
        QuadraticExpander expander = new QuadraticExpander(format.title, v -> variables.get(v).label());
        ExportNames columnNames = new ExportNames();
        List<Column> columns = new ArrayList<>(variables.size());
        for (VariableInstance v : variables) {
            columns.add(new Column(v.index(), columnNames.name(v.label()), v.label(), v.type(), v.lower(), v.upper()));
        }
        boolean feasibility = model.objective() == null;
        QuadraticForm objective = feasibility ? QuadraticForm.constant(0) : expander.expand(model.objective(), "the objective");
        Sense sense = feasibility || model.sense() == null ? Sense.MINIMIZE : model.sense();

        ExportNames rowNames = new ExportNames();
        rowNames.reserve(OBJECTIVE_ROW);
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (GroundConstraint constraint : model.constraints()) {
            String element = "constraint " + constraint.label();
            QuadraticForm form = expander.expand(constraint.body(), element);
            if (constraint.isIndicator() && !form.isLinear()) {
                throw new IllegalArgumentException("cannot write " + element + " in " + format.title
                        + " format: it is an indicator constraint (enforced when " + variables.get(constraint.indicatorVariable()).label()
                        + " = " + (constraint.indicatorValue() ? 1 : 0) + ") with a quadratic body, and " + format.title
                        + " format indicator constraints must be linear");
            }
            // Expanding products can leave a constant in the body; it belongs on the right-hand side.
            double lower = constraint.lower() - form.constant();
            double upper = constraint.upper() - form.constant();
            QuadraticForm body = form.withoutConstant();
            int indicator = constraint.isIndicator() ? constraint.indicatorVariable() : -1;
            if (lower == Double.NEGATIVE_INFINITY && upper == Double.POSITIVE_INFINITY) {
                notes.add(element + " has no finite side and is left out");
                continue;
            }
            boolean range = !Double.isInfinite(lower) && !Double.isInfinite(upper) && lower != upper;
            String splitReason = !range ? null
                    : lower > upper ? "its lower side exceeds its upper side"
                    : constraint.isIndicator() ? "an indicator row cannot be ranged"
                    : !body.isLinear() ? "a quadratic row cannot be ranged"
                    : !format.linearRanges ? format.title + " format has no portable ranged row"
                    : null;
            if (splitReason == null) {
                rows.add(new Row(rowNames.name(constraint.label()), constraint.label(), body, lower, upper,
                        indicator, constraint.indicatorValue()));
                continue;
            }
            Row low = new Row(rowNames.name(constraint.label() + "_lo"), constraint.label() + " (lower side)", body,
                    lower, Double.POSITIVE_INFINITY, indicator, constraint.indicatorValue());
            Row high = new Row(rowNames.name(constraint.label() + "_hi"), constraint.label() + " (upper side)", body,
                    Double.NEGATIVE_INFINITY, upper, indicator, constraint.indicatorValue());
            rows.add(low);
            rows.add(high);
            notes.add(element + " (" + NumberText.of(lower) + " <= ... <= " + NumberText.of(upper) + ") is written as rows "
                    + low.name() + " and " + high.name() + ": " + splitReason);
        }
        String name = model.formulation() == null || model.formulation().name() == null
                ? "model" : ExportNames.sanitize(model.formulation().name());
        return new ExportModel(name, sense, feasibility, objective, List.copyOf(columns), List.copyOf(rows),
                List.copyOf(notes), columnNames.renames(), rowNames.renames());
    }

    Column column(int index) {
        return columns.get(index);
    }
}
