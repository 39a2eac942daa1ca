package dev.optagent.tuning.space;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The parameters being tuned, in order. A conditional parameter must come after the categorical or boolean
 * parameter it depends on; when inactive it is absent from the configuration and its GP features are held at a
 * constant, so it neither helps nor hurts the fit.
 */
public final class SearchSpace {

    private final List<Parameter> parameters;

    @JsonCreator
    public SearchSpace(@JsonProperty("parameters") List<Parameter> parameters) {
        if (parameters == null || parameters.isEmpty()) throw new IllegalArgumentException("a search space needs at least one parameter");
        this.parameters = List.copyOf(parameters);
        Map<String, Parameter> seen = new LinkedHashMap<>();
        for (Parameter p : this.parameters) {
            if (p.name() == null || p.name().isBlank()) throw new IllegalArgumentException("every parameter needs a name");
            if (seen.containsKey(p.name())) throw new IllegalArgumentException("parameter '" + p.name() + "' is declared twice");
            if (p.when() != null) {
                Parameter parent = seen.get(p.when().parent());
                if (!(parent instanceof CategoricalParameter || parent instanceof BooleanParameter)) {
                    throw new IllegalArgumentException("parameter '" + p.name() + "' depends on '" + p.when().parent()
                            + "', which must be a categorical or boolean parameter declared before it");
                }
            }
            seen.put(p.name(), p);
        }
    }

    public static SearchSpace of(Parameter... parameters) {
        return new SearchSpace(List.of(parameters));
    }

    @JsonProperty("parameters")
    public List<Parameter> parameters() {
        return parameters;
    }

    /** One unit coordinate per parameter. */
    @JsonIgnore
    public int size() {
        return parameters.size();
    }

    /** Number of GP features. */
    @JsonIgnore
    public int featureCount() {
        return parameters.stream().mapToInt(Parameter::width).sum();
    }

    /** The configuration at a point of the unit cube (one coordinate per parameter). */
    public Configuration fromUnit(double[] unit) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int k = 0; k < parameters.size(); k++) {
            Parameter p = parameters.get(k);
            if (active(p, values)) values.put(p.name(), p.fromUnit(Math.min(Math.max(unit[k], 0), Math.nextDown(1.0))));
        }
        return new Configuration(values);
    }

    /** The unit coordinates of a configuration; an inactive parameter sits at 0.5. */
    public double[] toUnit(Configuration config) {
        double[] unit = new double[parameters.size()];
        for (int k = 0; k < parameters.size(); k++) {
            Object value = config.get(parameters.get(k).name());
            unit[k] = value == null ? 0.5 : parameters.get(k).toUnit(value);
        }
        return unit;
    }

    /** GP features: numbers in [0, 1], categories one-hot; an inactive parameter's features are all 0.5. */
    public double[] features(Configuration config) {
        double[] out = new double[featureCount()];
        int offset = 0;
        for (Parameter p : parameters) {
            Object value = config.get(p.name());
            if (value == null) java.util.Arrays.fill(out, offset, offset + p.width(), 0.5);
            else p.features(value, out, offset);
            offset += p.width();
        }
        return out;
    }

    public Configuration sample(RandomGenerator random) {
        double[] unit = new double[parameters.size()];
        for (int k = 0; k < unit.length; k++) unit[k] = random.nextDouble();
        return fromUnit(unit);
    }

    /**
     * Checks a configuration written by a person or a model and normalises its values. Every problem is named:
     * unknown parameters (with the known ones), missing or out-of-range values, values for inactive parameters.
     */
    public Configuration validate(Map<String, ?> raw) {
        List<String> problems = new ArrayList<>();
        Set<String> known = new HashSet<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            known.add(p.name());
            Object given = raw.get(p.name());
            if (!active(p, values)) {
                if (given != null) problems.add("parameter '" + p.name() + "' is inactive unless " + p.when().parent()
                        + " is one of " + p.when().values());
                continue;
            }
            if (given == null) {
                problems.add("parameter '" + p.name() + "' is missing (" + p.domain() + ")");
                continue;
            }
            try {
                values.put(p.name(), p.coerce(given));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        for (String key : raw.keySet()) {
            if (!known.contains(key)) problems.add("unknown parameter '" + key + "' (the parameters are " + names() + ")");
        }
        if (!problems.isEmpty()) throw new InvalidConfigurationException(problems);
        return new Configuration(values);
    }

    @JsonIgnore
    public List<String> names() {
        return parameters.stream().map(Parameter::name).toList();
    }

    private static boolean active(Parameter p, Map<String, Object> valuesSoFar) {
        return p.when() == null || p.when().holds(valuesSoFar.get(p.when().parent()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchSpace other && other.parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }
}
