package dev.optagent.formulation.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.ParameterDecl;
import dev.optagent.formulation.VariableDecl;
import dev.optagent.formulation.render.ReadableNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the objective's number is: its description and its unit, so an answer reads "153.675 dollars — total
 * freight cost" instead of a bare number. The unit is read from the units of the data in the objective: a
 * money unit wins ("dollars per case per thousand miles" gives "dollars"); else one common unit of the
 * parameters, else of the variables when the objective only counts them. No guess when they disagree, nor when
 * the expression scales by a literal ({@code / 1000} turns dollars into thousands of dollars).
 *
 * @param description  the objective's own description, or "total" plus the sense when it has none
 * @param unit         null when the units do not say
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectiveMeaning(String sense, String description, String unit) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern LITERAL = Pattern.compile("(?<![A-Za-z0-9_.])\\d");
    private static final Pattern MONEY = Pattern.compile("(?i)^(\\$|€|£|usd|eur|gbp|chf|dollars?|euros?|pounds?|k\\$|\\$k|thousand dollars|million dollars|cents?)\\b?");

    public static Optional<ObjectiveMeaning> of(Formulation formulation) {
        if (formulation.objective() == null || formulation.objective().expression() == null) return Optional.empty();
        String expression = formulation.objective().expression();
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(expression);
        while (m.find()) names.add(m.group());
        List<String> parameterUnits = new ArrayList<>();
        for (ParameterDecl p : formulation.parameters()) {
            if (p.unit() != null && !p.unit().isBlank() && names.contains(p.name())) parameterUnits.add(p.unit().trim());
        }
        List<String> variableUnits = new ArrayList<>();
        for (VariableDecl v : formulation.variables()) {
            if (v.unit() != null && !v.unit().isBlank() && names.contains(v.name())) variableUnits.add(v.unit().trim());
        }
        boolean scaled = LITERAL.matcher(expression.replaceAll("\\[[^\\]]*\\]", "")).find();
        String unit = scaled ? null : parameterUnits.stream().map(ObjectiveMeaning::numerator).filter(u -> MONEY.matcher(u).find()).findFirst()
                .orElseGet(() -> common(parameterUnits.stream().map(ObjectiveMeaning::numerator).toList())
                        .orElseGet(() -> parameterUnits.isEmpty() ? common(variableUnits).orElse(null) : null));
        String sense = formulation.objective().sense().name().toLowerCase(Locale.ROOT);
        String description = formulation.objective().description();
        return Optional.of(new ObjectiveMeaning(sense, description == null || description.isBlank() ? null : description.trim(), unit));
    }

    /** "153.675 dollars — total freight cost (minimised)". */
    public String describe(double value) {
        String number = ReadableNumber.of(value);
        boolean symbol = unit != null && unit.length() == 1 && "$€£¥".contains(unit);
        return (symbol ? unit + number : number + (unit == null ? "" : " " + unit)) + (description == null ? "" : " — " + description)
                + " (" + ("maximize".equals(sense) ? "maximised" : "minimised") + ")";
    }

    /** "dollars per case per thousand miles" and "$/case" are in dollars once multiplied out. */
    private static String numerator(String unit) {
        String head = unit.split("(?i)\\s+per\\s+|/", 2)[0].trim();
        return head.isEmpty() ? unit : head;
    }

    private static Optional<String> common(List<String> units) {
        return units.isEmpty() || units.stream().distinct().count() > 1 ? Optional.empty() : Optional.of(units.getFirst());
    }
}
