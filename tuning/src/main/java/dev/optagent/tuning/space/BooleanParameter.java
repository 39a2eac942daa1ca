package dev.optagent.tuning.space;

/** On or off. */
public record BooleanParameter(String name, String description, Condition when) implements Parameter {

    public BooleanParameter {
        description = description == null ? "" : description;
    }

    public static BooleanParameter of(String name) {
        return new BooleanParameter(name, "", null);
    }

    @Override
    public Object fromUnit(double u) {
        return u >= 0.5;
    }

    @Override
    public double toUnit(Object value) {
        return Boolean.TRUE.equals(value) ? 0.75 : 0.25;
    }

    @Override
    public void features(Object value, double[] out, int offset) {
        out[offset] = Boolean.TRUE.equals(value) ? 1 : 0;
    }

    @Override
    public Object coerce(Object raw) {
        if (raw instanceof Boolean b) return b;
        String text = raw == null ? "" : String.valueOf(raw).trim().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw Parameter.invalid(name, raw, domain());
        };
    }

    @Override
    public String domain() {
        return "true or false";
    }
}
