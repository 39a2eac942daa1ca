package dev.optagent.workflow.graph;

import java.util.List;
import java.util.Locale;

/**
 * The feedback on one run, from its eval outcome: right or wrong against the gold, both values, the solver's
 * status and last findings, how many repairs it took and what it cost.
 */
public record RunFeedback(boolean correct, boolean correctLenient, Double gold, Double predicted, String status, String failure,
                          List<String> lastFindings, int repairRounds, int llmCalls, long tokens, String message) {

    public RunFeedback {
        lastFindings = lastFindings == null ? List.of() : List.copyOf(lastFindings);
    }

    /** One line for the optimizer's #Feedback section. */
    public String describe() {
        String verdict = correct ? "CORRECT" : correctLenient ? "WRONG (within 5% of the gold)" : "WRONG";
        String values = gold == null ? "gold: no optimum (infeasible/unbounded)" : String.format(Locale.ROOT, "gold %s", num(gold));
        String got = predicted == null ? "no answer" : "predicted " + num(predicted);
        String tail = message == null || message.isBlank() || correct ? "" : "; " + message;
        return verdict + ": " + got + " (" + status + "), " + values + "; " + repairRounds + " repair round(s), " + llmCalls
                + " LLM call(s), " + tokens + " tokens" + tail;
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.6g", d);
    }
}
