package dev.optagent.tuning.space;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One point of a search space: parameter name to value (inactive conditional parameters are absent). */
public record Configuration(Map<String, Object> values) {

    @JsonCreator
    public Configuration {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @JsonValue
    @Override
    public Map<String, Object> values() {
        return values;
    }

    public Object get(String name) {
        return values.get(name);
    }

    public double number(String name) {
        return ((Number) values.get(name)).doubleValue();
    }

    /** Same values, compared after normalising numbers (3 and 3.0 are the same integer setting). */
    public boolean sameAs(Configuration other) {
        if (!values.keySet().equals(other.values.keySet())) return false;
        for (var entry : values.entrySet()) {
            Object a = entry.getValue();
            Object b = other.values.get(entry.getKey());
            if (a instanceof Number x && b instanceof Number y) {
                if (Math.abs(x.doubleValue() - y.doubleValue()) > 1e-12 * Math.max(1, Math.abs(x.doubleValue()))) return false;
            } else if (!String.valueOf(a).equals(String.valueOf(b))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
