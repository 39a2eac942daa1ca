package dev.optagent.solvers;

/**
 * An engine's outcome in a user's words, shared by the engines: never an internal code such as
 * {@code MPSOLVER_INFEASIBLE} or {@code MODEL_INVALID}, never the model text an engine quotes back.
 */
public final class EngineOutcome {

    private EngineOutcome() {
    }

    /** The words for an outcome every engine means the same by; null for an engine-specific failure. */
    public static String words(SolveStatus status) {
        return switch (status) {
            case INFEASIBLE -> "the solver proved that no solution satisfies every constraint";
            case UNBOUNDED -> "the solver found that the objective can improve without limit";
            case TIME_LIMIT -> "no solution was found within the time limit";
            case OPTIMAL, FEASIBLE -> "the solver returned fewer values than the model has variables";
            default -> null;
        };
    }

    /** "the solver rejected the model as invalid: REASON" with the engine's reason cut to its head. */
    public static String invalid(String engineText) {
        String reason = reason(engineText);
        return "the solver rejected the model as invalid" + (reason.isEmpty() ? "" : ": " + reason);
    }

    /** The engine's reason without the proto text it quotes (a user sees the reason, not the engine's dump). */
    public static String reason(String engineText) {
        String text = engineText == null ? "" : engineText.strip();
        int cut = text.length();
        for (String marker : new String[] {"\n", "{", " name: \"", " lower_bound:", " upper_bound:", " objective_coefficient:"}) {
            int at = text.indexOf(marker);
            if (at >= 0) cut = Math.min(cut, at);
        }
        String head = text.substring(0, cut).strip();
        if (head.length() > 200) head = head.substring(0, 200) + "...";
        return head.isEmpty() && !text.isEmpty() ? "the engine refused the model" : head;
    }
}
