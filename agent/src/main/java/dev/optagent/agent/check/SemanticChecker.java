package dev.optagent.agent.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.ParameterDecl;
import dev.optagent.formulation.Sense;
import dev.optagent.formulation.SetDecl;
import dev.optagent.formulation.VariableDecl;
import dev.optagent.formulation.VariableType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an expert modeler makes before trusting a valid formulation: numbers stated in the problem that the
 * model never uses, countable quantities modelled as continuous, an objective direction that contradicts the
 * problem's wording, and variables allowed to go negative without reason. All are suspicions, not errors.
 */
public final class SemanticChecker {

    private static final Pattern COUNTABLE = Pattern.compile(
            "\\b(trucks?|vehicles?|cars?|buses|bus|ships?|planes?|aircraft|workers?|employees?|staff|people|persons?|nurses?|"
                    + "machines?|units?|items?|pieces?|batch(es)?|boxes|box|crates?|containers?|pallets?|bags?|bottles?|"
                    + "servers?|rooms?|tables?|chairs?|houses?|animals?|cows?|trips?|shifts?|teams?|buildings?|stores?|"
                    + "number of|count of|how many)\\b", Pattern.CASE_INSENSITIVE);
    /** Units that say a quantity is a rate, a time, money or a scaled count: fractions are natural there. */
    private static final Pattern NOT_A_COUNT = Pattern.compile(
            "\\b(per|time|hours?|minutes?|days?|thousands?|millions?|hundreds?|dozens?|dollars?|euros?|tons?|kg|percent)\\b|[/$€%]",
            Pattern.CASE_INSENSITIVE);
    /**
     * Words that say a variable measures a place or a size (a depot's x coordinate in "units", a radius, a
     * length): it is continuous by meaning even when its unit reads like a count.
     */
    private static final Pattern MEASURE = Pattern.compile(
            "\\b(coordinates?|coord|position|location|located|latitude|longitude|lat|lon|radius|radii|diameter|distance|"
                    + "length|width|height|depth|thickness|area|volume|angle|elevation|offset|x|y|z)\\b", Pattern.CASE_INSENSITIVE);
    /** Coordinate-shaped names: hx, hy, px (a letter and the axis). */
    private static final Pattern AXIS_NAME = Pattern.compile("^[a-z][xyz]$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MINIMISE = Pattern.compile("\\b(minimi[sz]\\w*|minimum|lowest|least|cheapest|smallest|fewest)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAXIMISE = Pattern.compile("\\b(maximi[sz]\\w*|maximum|highest|most|largest|greatest)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile("\\b(negative|deficit|loss|below zero|shortage|backlog|debt|borrow\\w*|deviation|difference|change)\\b",
            Pattern.CASE_INSENSITIVE);

    private SemanticChecker() {
    }

    public static List<Finding> check(String problem, Formulation formulation) {
        List<Finding> findings = new ArrayList<>();
        unusedNumbers(problem, formulation).ifPresent(findings::add);
        findings.addAll(integrality(problem, formulation));
        direction(problem, formulation).ifPresent(findings::add);
        findings.addAll(negativity(problem, formulation));
        return findings;
    }

    private static java.util.Optional<Finding> unusedNumbers(String problem, Formulation formulation) {
        Set<Double> used = usedNumbers(formulation);
        Set<String> missing = new LinkedHashSet<>();
        for (ProblemNumbers.Stated stated : ProblemNumbers.in(problem)) {
            boolean trivial = stated.readings().getFirst() == 0 || stated.readings().getFirst() == 1;
            if (trivial || stated.readings().stream().anyMatch(value -> contains(used, value))) continue;
            missing.add(stated.text());
        }
        if (missing.isEmpty()) return java.util.Optional.empty();
        List<String> shown = missing.stream().limit(12).toList();
        return java.util.Optional.of(Finding.suspicion("unused-numbers", "these numbers stated in the problem appear nowhere in the model: "
                + String.join(", ", shown) + (missing.size() > shown.size() ? ", ..." : "")
                + ". Given data that the model ignores usually means a missing constraint, term or bound (ignore this if a number is"
                + " only a label, an index or a count that the sets already express)."));
    }

    private static boolean contains(Set<Double> used, double value) {
        for (double u : used) {
            if (Math.abs(u - value) <= 1e-9 * Math.max(1, Math.abs(value))) return true;
        }
        return false;
    }

    /** Every number the model carries: data, bounds, literals in expressions, set ranges and sizes. */
    private static Set<Double> usedNumbers(Formulation formulation) {
        Set<Double> used = new java.util.HashSet<>();
        for (SetDecl set : formulation.sets()) {
            if (set.range() != null) {
                set.range().forEach(v -> used.add(v.doubleValue()));
                if (set.range().size() == 2) used.add((double) (set.range().get(1) - set.range().get(0) + 1));
            }
            if (set.elements() != null) {
                used.add((double) set.elements().size());
                set.elements().forEach(e -> collect(e, used));
            }
        }
        for (ParameterDecl parameter : formulation.parameters()) {
            if (parameter.value() != null) used.add(parameter.value());
            if (parameter.values() != null) collect(parameter.values(), used);
            if (parameter.defaultValue() != null) used.add(parameter.defaultValue());
        }
        for (VariableDecl variable : formulation.variables()) {
            if (variable.lower() != null) collect(variable.lower(), used);
            if (variable.upper() != null) collect(variable.upper(), used);
        }
        List<String> expressions = new ArrayList<>();
        if (formulation.objective() != null && formulation.objective().expression() != null) expressions.add(formulation.objective().expression());
        formulation.constraints().forEach(c -> {
            if (c.expression() != null) expressions.add(c.expression());
            if (c.forall() != null) expressions.add(c.forall());
            if (c.condition() != null) expressions.add(c.condition());
        });
        Matcher literal = Pattern.compile("\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?").matcher(String.join(" ", expressions));
        while (literal.find()) {
            double value = Double.parseDouble(literal.group());
            used.add(value);
            used.add(value * 100); // 0.15 in the model uses the stated 15%
        }
        return used;
    }

    private static void collect(JsonNode node, Set<Double> used) {
        if (node.isNumber()) {
            used.add(node.doubleValue());
            used.add(node.doubleValue() * 100);
        } else if (node.isTextual()) {
            try {
                used.add(Double.parseDouble(node.textValue().replace(",", "")));
            } catch (NumberFormatException e) {
                // a name, not a number
            }
        } else {
            node.forEach(child -> collect(child, used));
        }
    }

    private static List<Finding> integrality(String problem, Formulation formulation) {
        List<Finding> findings = new ArrayList<>();
        for (VariableDecl variable : formulation.variables()) {
            if (variable.type() != VariableType.CONTINUOUS) continue;
            // The unit says what one of the quantity is ("trucks", "inches", "$ per team"); only without one do
            // the name and description decide, so "height of the box" in inches is not taken for a count of boxes.
            String unit = nullToEmpty(variable.unit()).replace('_', ' ');
            if (!unit.isBlank() && NOT_A_COUNT.matcher(unit).find()) continue;
            String meaning = (variable.name() + " " + nullToEmpty(variable.description())).replace('_', ' ');
            if (MEASURE.matcher(meaning).find() || AXIS_NAME.matcher(variable.name()).matches()) continue;
            String words = unit.isBlank() ? (variable.name() + " " + nullToEmpty(variable.description())).replace('_', ' ') : unit;
            Matcher countable = COUNTABLE.matcher(words);
            if (countable.find() && !problem.toLowerCase(Locale.ROOT).contains("fraction")) {
                findings.add(Finding.suspicion("integrality", "variable '" + variable.name() + "' counts " + countable.group()
                        + " but is continuous; countable things usually need \"type\": \"integer\" unless the problem allows fractions"));
            }
        }
        return findings;
    }

    private static java.util.Optional<Finding> direction(String problem, Formulation formulation) {
        if (formulation.objective() == null || formulation.objective().sense() == null) return java.util.Optional.empty();
        boolean saysMin = MINIMISE.matcher(problem).find();
        boolean saysMax = MAXIMISE.matcher(problem).find();
        Sense sense = formulation.objective().sense();
        if (saysMin && !saysMax && sense == Sense.MAXIMIZE || saysMax && !saysMin && sense == Sense.MINIMIZE) {
            return java.util.Optional.of(Finding.suspicion("direction", "the objective is to " + sense.json()
                    + " but the problem only speaks of " + (saysMin ? "minimising" : "maximising") + "; check the direction"));
        }
        return java.util.Optional.empty();
    }

    private static List<Finding> negativity(String problem, Formulation formulation) {
        List<Finding> findings = new ArrayList<>();
        if (NEGATIVE.matcher(problem).find()) return findings;
        for (VariableDecl variable : formulation.variables()) {
            JsonNode lower = variable.lower();
            if (lower != null && lower.isTextual() && lower.textValue().trim().startsWith("-")) {
                findings.add(Finding.suspicion("nonnegativity", "variable '" + variable.name()
                        + "' may be negative (\"lower\": \"-inf\") but nothing in the problem suggests negative values"));
            } else if (lower != null && lower.isNumber() && lower.doubleValue() < 0) {
                findings.add(Finding.suspicion("nonnegativity", "variable '" + variable.name() + "' has a negative lower bound "
                        + lower.doubleValue() + " that the problem does not state"));
            }
        }
        return findings;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
