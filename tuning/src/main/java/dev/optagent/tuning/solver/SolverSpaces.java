package dev.optagent.tuning.solver;

import dev.optagent.solvers.Backend;
import dev.optagent.solvers.SolverParameters;
import dev.optagent.tuning.space.BooleanParameter;
import dev.optagent.tuning.space.CategoricalParameter;
import dev.optagent.tuning.space.Configuration;
import dev.optagent.tuning.space.IntParameter;
import dev.optagent.tuning.space.SearchSpace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knobs worth tuning per engine, named exactly as the engine names them so a configuration becomes
 * {@link SolverParameters} by copying: CP-SAT's {@code SatParameters} fields and SCIP's parameter paths.
 */
public final class SolverSpaces {

    private SolverSpaces() {
    }

    public static SearchSpace forBackend(Backend backend) {
        return switch (backend) {
            case CP_SAT -> cpSat();
            case SCIP -> scip();
            default -> throw new IllegalArgumentException("solver tuning covers scip and cp-sat, not " + backend.name().toLowerCase(java.util.Locale.ROOT));
        };
    }

    public static SearchSpace cpSat() {
        return SearchSpace.of(
                new IntParameter("num_workers", 1, 8, false, "parallel search workers (portfolio); this machine has "
                        + Runtime.getRuntime().availableProcessors() + " cores", null),
                new IntParameter("linearization_level", 0, 2, false, "how much of the model goes into the LP relaxation", null),
                new IntParameter("symmetry_level", 0, 4, false, "effort spent detecting and breaking symmetries", null),
                new BooleanParameter("cp_model_presolve", "run CP-SAT's presolve", null),
                new IntParameter("cp_model_probing_level", 0, 2, false, "probing effort in presolve", null),
                new CategoricalParameter("search_branching", List.of("AUTOMATIC_SEARCH", "FIXED_SEARCH", "PORTFOLIO_SEARCH",
                        "LP_SEARCH", "PSEUDO_COST_SEARCH"), "branching strategy of the main worker", null),
                new BooleanParameter("optimize_with_core", "core-based (lower-bound) optimisation", null));
    }

    public static SearchSpace scip() {
        return SearchSpace.of(
                new CategoricalParameter("presolving/maxrounds", List.of("-1", "0", "3"), "presolve rounds (-1 unlimited, 0 off)", null),
                new CategoricalParameter("separating/maxroundsroot", List.of("-1", "0", "5", "20"), "cutting-plane rounds at the root", null),
                new CategoricalParameter("separating/maxrounds", List.of("-1", "0", "1", "5"), "cutting-plane rounds at other nodes", null),
                new CategoricalParameter("branching/scorefunc", List.of("s", "p", "q"), "branching score: sum, product, quotient", null),
                new CategoricalParameter("nodeselection/childsel", List.of("d", "u", "p", "i", "l", "r", "h"),
                        "which child node first: down, up, pseudo costs, inference, LP value, root LP value, hybrid", null),
                new BooleanParameter("conflict/enable", "conflict analysis", null),
                new CategoricalParameter("heuristics/feaspump/freq", List.of("-1", "0", "20"), "feasibility pump frequency (-1 off)", null));
    }

    /** The engine parameters for a configuration of {@link #forBackend}'s space. */
    public static SolverParameters parameters(Backend backend, Configuration config) {
        Map<String, String> values = new LinkedHashMap<>();
        config.values().forEach((k, v) -> values.put(k, v instanceof Boolean b ? (backend == Backend.SCIP ? (b ? "TRUE" : "FALSE") : b.toString())
                : String.valueOf(v)));
        return backend == Backend.SCIP ? new SolverParameters(Map.of(), values) : new SolverParameters(values, Map.of());
    }
}
