package dev.optagent.tuning.space;

/** An integer in [low, high]; each value owns an equal cell of the unit coordinate (of its logarithm if log). */
public record IntParameter(String name, long low, long high, boolean log, String description, Condition when)
        implements Parameter {

    public IntParameter {
        if (low > high) throw new IllegalArgumentException("parameter '" + name + "': low " + low + " is above high " + high);
        if (log && low <= 0) throw new IllegalArgumentException("parameter '" + name + "': a log scale needs low > 0, not " + low);
        description = description == null ? "" : description;
    }

    public static IntParameter of(String name, long low, long high) {
        return new IntParameter(name, low, high, false, "", null);
    }

    @Override
    public Object fromUnit(double u) {
        if (log) {
            double lo = Math.log(low - 0.5);
            double hi = Math.log(high + 0.5);
            return clamp(Math.round(Math.exp(lo + u * (hi - lo))));
        }
        return clamp(low + (long) Math.floor(u * (high - low + 1)));
    }

    @Override
    public double toUnit(Object value) {
        long v = ((Number) value).longValue();
        if (log) {
            double lo = Math.log(low - 0.5);
            double hi = Math.log(high + 0.5);
            return (Math.log(v) - lo) / (hi - lo);
        }
        return (v - low + 0.5) / (high - low + 1);
    }

    private long clamp(long v) {
        return Math.max(low, Math.min(high, v));
    }

    @Override
    public Object coerce(Object raw) {
        double v = Parameter.number(name, raw, domain());
        if (v != Math.rint(v) || v < low || v > high) throw Parameter.invalid(name, raw, domain());
        return (long) v;
    }

    @Override
    public String domain() {
        return "an integer in [" + low + ", " + high + "]" + (log ? " (log scale)" : "");
    }
}
