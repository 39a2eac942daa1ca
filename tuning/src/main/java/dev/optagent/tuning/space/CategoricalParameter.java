package dev.optagent.tuning.space;

import java.util.List;

/** One of a few named choices; the Gaussian process sees it one-hot, so no order is invented between choices. */
public record CategoricalParameter(String name, List<String> choices, String description, Condition when)
        implements Parameter {

    public CategoricalParameter {
        choices = List.copyOf(choices);
        if (choices.isEmpty()) throw new IllegalArgumentException("parameter '" + name + "' needs at least one choice");
        if (choices.stream().distinct().count() != choices.size()) {
            throw new IllegalArgumentException("parameter '" + name + "' lists a choice twice: " + choices);
        }
        description = description == null ? "" : description;
    }

    public static CategoricalParameter of(String name, String... choices) {
        return new CategoricalParameter(name, List.of(choices), "", null);
    }

    @Override
    public Object fromUnit(double u) {
        return choices.get(Math.min(choices.size() - 1, (int) Math.floor(u * choices.size())));
    }

    @Override
    public double toUnit(Object value) {
        return (choices.indexOf(String.valueOf(value)) + 0.5) / choices.size();
    }

    @Override
    public int width() {
        return choices.size();
    }

    @Override
    public void features(Object value, double[] out, int offset) {
        int index = choices.indexOf(String.valueOf(value));
        for (int k = 0; k < choices.size(); k++) out[offset + k] = k == index ? 1 : 0;
    }

    @Override
    public Object coerce(Object raw) {
        String text = raw == null ? null : String.valueOf(raw).trim();
        for (String choice : choices) if (choice.equals(text)) return choice;
        for (String choice : choices) if (choice.equalsIgnoreCase(text)) return choice;
        throw Parameter.invalid(name, raw, domain());
    }

    @Override
    public String domain() {
        return "one of " + String.join(", ", choices);
    }
}
