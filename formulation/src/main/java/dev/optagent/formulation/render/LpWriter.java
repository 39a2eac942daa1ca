package dev.optagent.formulation.render;

import dev.optagent.formulation.ground.QuadraticForm;
import dev.optagent.formulation.Sense;
import dev.optagent.formulation.ground.GroundModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a ground model in CPLEX LP format, the text format CPLEX, Gurobi, SCIP, HiGHS, GLPK and CBC all
 * read. Quadratic terms go in {@code [ ... ]} (halved in the objective, as the format requires), with
 * the objective constant after them;
 * indicator rows use {@code name: y = 1 -> row}; ranged rows become two rows, {@code name_lo} and
 * {@code name_hi}, since not every reader takes a double-sided row. Row and column names come from
 * {@link ExportNames}; where one is not simply the label with {@code ( )} for {@code [ ]}, a comment at
 * the top maps it back.
 *
 * <p>Refuses, with an {@link IllegalArgumentException} naming the element, what LP cannot hold:
 * non-polynomial terms (exp, log, sqrt, division by variables, non-integer powers), abs/min/max, terms of
 * degree above 2, and indicator constraints with quadratic bodies.
 */
public final class LpWriter {

    /** CPLEX truncates lines beyond 510 characters; wrap well before. */
    private static final int WIDTH = 200;

    private final ExportModel model;
    private final StringBuilder out = new StringBuilder();
    private int lineStart;

    private LpWriter(ExportModel model) {
        this.model = model;
    }

    public static String write(GroundModel model) {
        return new LpWriter(ExportModel.of(model, ExportModel.Format.LP)).text();
    }

    private String text() {
        comments();
        line(model.sense() == Sense.MAXIMIZE ? "Maximize" : "Minimize");
        start(" " + ExportModel.OBJECTIVE_ROW + ":");
        expression(model.objective(), true);
        end();
        line("Subject To");
        for (ExportModel.Row row : model.rows()) {
            start(" " + row.name() + ":");
            if (row.isIndicator()) {
                token(model.column(row.indicatorColumn()).name() + " = " + (row.indicatorValue() ? 1 : 0) + " ->");
            }
            expression(row.body(), false);
            token(sense(row) + " " + NumberText.of(row.rhs()));
            end();
        }
        bounds();
        names("Generals", model.columns().stream().filter(c -> c.isDiscrete() && !c.isPlainBinary()).map(ExportModel.Column::name).toList());
        names("Binaries", model.columns().stream().filter(ExportModel.Column::isPlainBinary).map(ExportModel.Column::name).toList());
        line("End");
        return out.toString();
    }

    private void comments() {
        line("\\ " + model.name() + ": written by OptAgent in CPLEX LP format");
        line("\\Problem name: " + model.name());
        if (model.feasibility()) line("\\ feasibility problem: the objective is empty");
        if (model.objective().constant() != 0) {
            line("\\ the objective includes the constant " + NumberText.of(model.objective().constant()));
        }
        for (String note : model.notes()) line("\\ " + note);
        for (ExportNames.Rename rename : model.columnRenames()) line("\\ column " + rename.name() + " is " + rename.label());
        for (ExportNames.Rename rename : model.rowRenames()) line("\\ row " + rename.name() + " is " + rename.label());
    }

    /**
     * Linear terms, {@code [ quadratic ]} (halved in the objective) and, in the objective, the constant.
     * Squares are spelled {@code x ^2} as CPLEX writes them: SCIP's reader rejects {@code x ^ 2}.
     */
    private void expression(QuadraticForm form, boolean objective) {
        boolean first = true;
        for (Map.Entry<Integer, Double> term : form.linear().entrySet()) {
            token(term(term.getValue(), model.column(term.getKey()).name(), first));
            first = false;
        }
        List<QuadraticForm.Term> quadratic = form.quadratic();
        if (!quadratic.isEmpty()) {
            token(first ? "[" : "+ [");
            boolean firstInBracket = true;
            for (QuadraticForm.Term term : quadratic) {
                // The objective's bracket is halved, so its coefficients are written doubled.
                double coef = objective ? 2 * term.coef() : term.coef();
                String product = term.isSquare() ? model.column(term.first()).name() + " ^2"
                        : model.column(term.first()).name() + " * " + model.column(term.second()).name();
                token(term(coef, product, firstInBracket));
                firstInBracket = false;
            }
            token(objective ? "] / 2" : "]");
            first = false;
        }
        if (first && !model.columns().isEmpty()) {
            token("0 " + model.columns().getFirst().name()); // a row needs a term to be read as one
        }
        if (objective && form.constant() != 0) {
            // Last: SCIP reads an objective constant only after the quadratic bracket.
            token((form.constant() < 0 ? "- " : "+ ") + NumberText.of(Math.abs(form.constant())));
        }
    }

    /** {@code 3 x}, {@code - x}, {@code + 2.5 y}: the coefficient 1 is left out, the sign is its own token. */
    private static String term(double coef, String what, boolean first) {
        String magnitude = Math.abs(coef) == 1 ? what : NumberText.of(Math.abs(coef)) + " " + what;
        if (first) return coef < 0 ? "- " + magnitude : magnitude;
        return (coef < 0 ? "- " : "+ ") + magnitude;
    }

    private static String sense(ExportModel.Row row) {
        return switch (row.kind()) {
            case EQUAL -> "=";
            case LESS -> "<=";
            case GREATER -> ">=";
            case RANGE -> throw new IllegalStateException("LP rows are never ranged: " + row.label());
        };
    }

    private void bounds() {
        List<String> bounds = new ArrayList<>();
        for (ExportModel.Column column : model.columns()) {
            if (column.isPlainBinary()) continue; // the Binaries section implies [0, 1]
            String x = column.name();
            double lower = column.lower();
            double upper = column.upper();
            if (lower == upper) {
                bounds.add(x + " = " + NumberText.of(lower));
            } else if (lower == Double.NEGATIVE_INFINITY && upper == Double.POSITIVE_INFINITY) {
                bounds.add(x + " free");
            } else if (lower == Double.NEGATIVE_INFINITY) {
                bounds.add("-inf <= " + x + " <= " + NumberText.of(upper));
            } else if (upper == Double.POSITIVE_INFINITY) {
                if (lower != 0) bounds.add(x + " >= " + NumberText.of(lower)); // [0, inf) is the default
            } else {
                bounds.add(NumberText.of(lower) + " <= " + x + " <= " + NumberText.of(upper));
            }
        }
        if (bounds.isEmpty()) return;
        line("Bounds");
        bounds.forEach(bound -> line(" " + bound));
    }

    private void names(String section, List<String> names) {
        if (names.isEmpty()) return;
        line(section);
        start(" ");
        for (String name : names) token(name);
        end();
    }

    // ---- line building: tokens are separated by blanks and wrapped before WIDTH ---------------------

    private void line(String text) {
        out.append(text).append('\n');
        lineStart = out.length();
    }

    private void start(String text) {
        out.append(text);
    }

    private void token(String token) {
        if (out.length() - lineStart + 1 + token.length() > WIDTH && out.length() > lineStart) {
            out.append('\n');
            lineStart = out.length();
            out.append("   ");
        } else if (out.length() > lineStart) {
            out.append(' ');
        }
        out.append(token);
    }

    private void end() {
        out.append('\n');
        lineStart = out.length();
    }
}
