package dev.optagent.formulation.render;

import dev.optagent.formulation.ground.QuadraticForm;
import dev.optagent.formulation.Sense;
import dev.optagent.formulation.VariableType;
import dev.optagent.formulation.ground.GroundModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a ground model in free MPS format with the CPLEX/Gurobi extensions: OBJSENSE, integer MARKER
 * blocks, RANGES for linear ranged rows, BOUNDS (FR, MI, PL, BV, LO, UP, FX), QUADOBJ (lower triangle of
 * Q in {@code ½ xᵀQx}), QCMATRIX per quadratic row (the full symmetric matrix, no ½) and INDICATORS.
 *
 * <p>The objective constant is written as the RHS of the objective row, negated, the convention of
 * CPLEX, Gurobi, HiGHS and SCIP (GLPK reads that entry with the opposite sign); a comment records it.
 * Names and refusals are those of {@link LpWriter}, both coming from {@link ExportModel}.
 */
public final class MpsWriter {

    private final ExportModel model;
    private final StringBuilder out = new StringBuilder();
    /** Names are padded to one width so the file reads as a table; free MPS only needs blanks between fields. */
    private final int width;

    private MpsWriter(ExportModel model) {
        this.model = model;
        int widest = ExportModel.OBJECTIVE_ROW.length();
        for (ExportModel.Column column : model.columns()) widest = Math.max(widest, column.name().length());
        for (ExportModel.Row row : model.rows()) widest = Math.max(widest, row.name().length());
        this.width = Math.max(8, widest);
    }

    public static String write(GroundModel model) {
        return new MpsWriter(ExportModel.of(model, ExportModel.Format.MPS)).text();
    }

    private String text() {
        comments();
        out.append("NAME ").append(model.name()).append('\n');
        if (model.sense() == Sense.MAXIMIZE) out.append("OBJSENSE\n    MAX\n");
        rows();
        columns();
        rhs();
        ranges();
        bounds();
        quadraticObjective();
        quadraticRows();
        indicators();
        out.append("ENDATA\n");
        return out.toString();
    }

    private void comments() {
        out.append("* ").append(model.name()).append(": written by OptAgent in free MPS format\n");
        if (model.feasibility()) out.append("* feasibility problem: the objective row is empty\n");
        double constant = model.objective().constant();
        if (constant != 0) {
            out.append("* objective constant ").append(NumberText.of(constant)).append(" is written as RHS ")
                    .append(NumberText.of(-constant)).append(" of row ").append(ExportModel.OBJECTIVE_ROW)
                    .append(" (the objective row's RHS is minus its constant)\n");
        }
        for (String note : model.notes()) out.append("* ").append(note).append('\n');
        for (ExportNames.Rename rename : model.columnRenames()) {
            out.append("* column ").append(rename.name()).append(" is ").append(rename.label()).append('\n');
        }
        for (ExportNames.Rename rename : model.rowRenames()) {
            out.append("* row ").append(rename.name()).append(" is ").append(rename.label()).append('\n');
        }
    }

    private void rows() {
        out.append("ROWS\n");
        out.append(" N  ").append(ExportModel.OBJECTIVE_ROW).append('\n');
        for (ExportModel.Row row : model.rows()) {
            String type = switch (row.kind()) {
                case EQUAL -> "E";
                case LESS -> "L";
                case GREATER, RANGE -> "G"; // a range is G at its lower end, widened upward by RANGES
            };
            out.append(' ').append(type).append("  ").append(row.name()).append('\n');
        }
    }

    /** Column-wise coefficients; discrete columns between INTORG and INTEND markers. */
    private void columns() {
        List<List<String[]>> entries = new ArrayList<>();
        for (int k = 0; k < model.columns().size(); k++) entries.add(new ArrayList<>());
        for (Map.Entry<Integer, Double> term : model.objective().linear().entrySet()) {
            entries.get(term.getKey()).add(new String[] {ExportModel.OBJECTIVE_ROW, NumberText.of(term.getValue())});
        }
        for (ExportModel.Row row : model.rows()) {
            for (Map.Entry<Integer, Double> term : row.body().linear().entrySet()) {
                entries.get(term.getKey()).add(new String[] {row.name(), NumberText.of(term.getValue())});
            }
        }
        out.append("COLUMNS\n");
        boolean integral = false;
        for (ExportModel.Column column : model.columns()) {
            if (column.isDiscrete() != integral) {
                integral = column.isDiscrete();
                data("MARKER", "'MARKER'", integral ? "'INTORG'" : "'INTEND'");
            }
            List<String[]> list = entries.get(column.index());
            // A column with no coefficient must still be listed, or the reader never learns it exists.
            if (list.isEmpty()) data(column.name(), ExportModel.OBJECTIVE_ROW, "0");
            for (String[] entry : list) data(column.name(), entry[0], entry[1]);
        }
        if (integral) data("MARKER", "'MARKER'", "'INTEND'");
    }

    private void rhs() {
        out.append("RHS\n");
        double constant = model.objective().constant();
        if (constant != 0) data("RHS", ExportModel.OBJECTIVE_ROW, NumberText.of(-constant));
        for (ExportModel.Row row : model.rows()) {
            if (row.rhs() != 0) data("RHS", row.name(), NumberText.of(row.rhs()));
        }
    }

    private void ranges() {
        List<ExportModel.Row> ranged = model.rows().stream().filter(r -> r.kind() == ExportModel.Row.Kind.RANGE).toList();
        if (ranged.isEmpty()) return;
        out.append("RANGES\n");
        for (ExportModel.Row row : ranged) data("RNG", row.name(), NumberText.of(row.upper() - row.lower()));
    }

    private void bounds() {
        out.append("BOUNDS\n");
        for (ExportModel.Column column : model.columns()) {
            String x = column.name();
            double lower = column.lower();
            double upper = column.upper();
            if (column.isPlainBinary()) {
                bound("BV", x, null);
            } else if (lower == upper) {
                bound("FX", x, lower);
            } else if (lower == Double.NEGATIVE_INFINITY && upper == Double.POSITIVE_INFINITY) {
                bound("FR", x, null);
            } else {
                if (lower == Double.NEGATIVE_INFINITY) bound("MI", x, null);
                else if (lower != 0) bound("LO", x, lower);
                if (upper != Double.POSITIVE_INFINITY) bound("UP", x, upper);
                // Some readers give MARKER integers an upper bound of 1 unless told otherwise.
                else if (column.type() == VariableType.INTEGER) bound("PL", x, null);
            }
        }
    }

    /** QUADOBJ holds Q of {@code ½ xᵀQx}, one triangle: x·y keeps its coefficient, x² doubles it. */
    private void quadraticObjective() {
        List<QuadraticForm.Term> terms = model.objective().quadratic();
        if (terms.isEmpty()) return;
        out.append("QUADOBJ\n");
        for (QuadraticForm.Term term : terms) {
            data(model.column(term.first()).name(), model.column(term.second()).name(),
                    NumberText.of(term.isSquare() ? 2 * term.coef() : term.coef()));
        }
    }

    /** QCMATRIX holds the full symmetric Q of {@code xᵀQx}: x·y splits into two halves, x² keeps its coefficient. */
    private void quadraticRows() {
        for (ExportModel.Row row : model.rows()) {
            List<QuadraticForm.Term> terms = row.body().quadratic();
            if (terms.isEmpty()) continue;
            out.append("QCMATRIX   ").append(row.name()).append('\n');
            for (QuadraticForm.Term term : terms) {
                String a = model.column(term.first()).name();
                String b = model.column(term.second()).name();
                if (term.isSquare()) {
                    data(a, a, NumberText.of(term.coef()));
                } else {
                    data(a, b, NumberText.of(term.coef() / 2));
                    data(b, a, NumberText.of(term.coef() / 2));
                }
            }
        }
    }

    private void indicators() {
        List<ExportModel.Row> rows = model.rows().stream().filter(ExportModel.Row::isIndicator).toList();
        if (rows.isEmpty()) return;
        out.append("INDICATORS\n");
        for (ExportModel.Row row : rows) {
            out.append(" IF ").append(pad(row.name())).append("  ").append(pad(model.column(row.indicatorColumn()).name()))
                    .append("  ").append(row.indicatorValue() ? 1 : 0).append('\n');
        }
    }

    private void bound(String type, String column, Double value) {
        out.append(' ').append(type).append(" BND  ").append(value == null ? column : pad(column) + "  " + NumberText.of(value))
                .append('\n');
    }

    private void data(String first, String second, String value) {
        out.append("    ").append(pad(first)).append("  ").append(pad(second)).append("  ").append(value).append('\n');
    }

    private String pad(String field) {
        return field.length() >= width ? field : field + " ".repeat(width - field.length());
    }
}
