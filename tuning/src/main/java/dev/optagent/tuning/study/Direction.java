package dev.optagent.tuning.study;

/** Whether the measured value should be as small or as large as possible. */
public enum Direction {
    MINIMIZE, MAXIMIZE;

    /** The value the optimizer minimises internally. */
    public double toLoss(double value) {
        return this == MINIMIZE ? value : -value;
    }

    public boolean better(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }

    public static Direction parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "min", "minimize", "minimise" -> MINIMIZE;
            case "max", "maximize", "maximise" -> MAXIMIZE;
            default -> throw new IllegalArgumentException("direction '" + text + "' must be minimize or maximize");
        };
    }
}
