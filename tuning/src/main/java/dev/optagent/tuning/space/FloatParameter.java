package dev.optagent.tuning.space;

/** A real number in [low, high], searched on a linear or logarithmic scale. */
public record FloatParameter(String name, double low, double high, boolean log, String description, Condition when)
        implements Parameter {

    public FloatParameter {
        if (!(low < high)) throw new IllegalArgumentException("parameter '" + name + "': low " + low + " must be below high " + high);
        if (log && low <= 0) throw new IllegalArgumentException("parameter '" + name + "': a log scale needs low > 0, not " + low);
        description = description == null ? "" : description;
    }

    public static FloatParameter of(String name, double low, double high) {
        return new FloatParameter(name, low, high, false, "", null);
    }

    public static FloatParameter logScale(String name, double low, double high) {
        return new FloatParameter(name, low, high, true, "", null);
    }

    @Override
    public Object fromUnit(double u) {
        double v = log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
        return Math.min(high, Math.max(low, v));
    }

    @Override
    public double toUnit(Object value) {
        double v = ((Number) value).doubleValue();
        return log ? (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low)) : (v - low) / (high - low);
    }

    @Override
    public Object coerce(Object raw) {
        double v = Parameter.number(name, raw, domain());
        if (!Double.isFinite(v) || v < low || v > high) throw Parameter.invalid(name, raw, domain());
        return v;
    }

    @Override
    public String domain() {
        return "a real number in [" + low + ", " + high + "]" + (log ? " (log scale)" : "");
    }
}
