package dev.optagent.formulation.ground;

import java.util.Arrays;
import java.util.Locale;

/** The built-in functions of the expression language that may apply to decision variables. */
public enum Function {
    ABS(1, 1), MIN(1, Integer.MAX_VALUE), MAX(1, Integer.MAX_VALUE), EXP(1, 1), LOG(1, 1), SQRT(1, 1);

    public final int minArgs;
    public final int maxArgs;

    Function(int minArgs, int maxArgs) {
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    public String symbol() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Function named(String name) {
        for (Function f : values()) {
            if (f.symbol().equals(name)) return f;
        }
        return null;
    }

    /** Piecewise linear (abs, min, max): exactly representable in a MILP or CP model. */
    public boolean isPiecewiseLinear() {
        return this == ABS || this == MIN || this == MAX;
    }

    public double apply(double... args) {
        return switch (this) {
            case ABS -> Math.abs(args[0]);
            case MIN -> Arrays.stream(args).min().orElseThrow();
            case MAX -> Arrays.stream(args).max().orElseThrow();
            case EXP -> Math.exp(args[0]);
            case LOG -> Math.log(args[0]);
            case SQRT -> Math.sqrt(args[0]);
        };
    }
}
