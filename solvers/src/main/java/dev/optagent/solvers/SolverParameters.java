package dev.optagent.solvers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Engine parameters carried by a solve, as the engines name them: CP-SAT fields of {@code SatParameters}
 * ({@code num_workers}, {@code linearization_level}, ...) and SCIP parameters ({@code presolving/maxrounds}, ...).
 * Written by {@code optagent tune solver}, read by {@code solve-model --solver-params} and the REST API.
 * Empty by default: every engine runs with its own defaults.
 */
public record SolverParameters(Map<String, String> cpSat, Map<String, String> scip) {

    public SolverParameters {
        cpSat = cpSat == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(cpSat));
        scip = scip == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(scip));
    }

    public static SolverParameters none() {
        return new SolverParameters(Map.of(), Map.of());
    }

    public boolean isEmpty() {
        return cpSat.isEmpty() && scip.isEmpty();
    }

    /** CP-SAT's text format, {@code name: value} per line, merged over the engine's own settings. */
    public String cpSatText() {
        StringBuilder out = new StringBuilder();
        cpSat.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        return out.toString();
    }

    /** SCIP's settings format, {@code name = value} per line, as OR-Tools passes it to SCIP. */
    public String scipText() {
        StringBuilder out = new StringBuilder();
        scip.forEach((k, v) -> out.append(k).append(" = ").append(v).append('\n'));
        return out.toString();
    }
}
