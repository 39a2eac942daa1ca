package dev.optagent.workflow.train;

import dev.optagent.eval.ProblemResult;

import java.util.List;
import java.util.Locale;

/**
 * A workflow's score on the validation sample: accuracy first, cost second. Of two workflows with the same
 * number of correct answers the one at least {@link #COST_MARGIN} cheaper in tokens per problem wins.
 */
public record ValidationScore(int correct, int lenient, int count, double callsPerProblem, double tokensPerProblem) {

    public static final double COST_MARGIN = 0.05;

    public static ValidationScore of(List<ProblemResult> results) {
        int n = results.size();
        return new ValidationScore((int) results.stream().filter(ProblemResult::correctStrict).count(),
                (int) results.stream().filter(ProblemResult::correctLenient).count(), n,
                results.stream().mapToLong(ProblemResult::llmCalls).average().orElse(0),
                results.stream().mapToLong(r -> r.inputTokens() + r.outputTokens()).average().orElse(0));
    }

    public double accuracy() {
        return count == 0 ? 0 : (double) correct / count;
    }

    public boolean betterThan(ValidationScore other) {
        return betterThan(other, 1);
    }

    /**
     * Better by at least {@code minGain} strict-correct answers; with {@code minGain} 1, a tie in correct answers is
     * broken by cost. A larger margin refuses ties too: a workflow that is only cheaper then needs a real gain.
     */
    public boolean betterThan(ValidationScore other, int minGain) {
        if (correct - other.correct >= minGain) return true;
        return minGain == 1 && correct == other.correct && tokensPerProblem < (1 - COST_MARGIN) * other.tokensPerProblem;
    }

    /** One number for a knob search (higher is better): strict accuracy less a small charge per LLM call. */
    public double scalar() {
        return accuracy() - 0.01 * callsPerProblem;
    }

    public String describe() {
        return String.format(Locale.ROOT, "strict %d/%d (%.1f%%), lenient %d/%d, %.2f calls and %.0f tokens per problem",
                correct, count, 100 * accuracy(), lenient, count, callsPerProblem, tokensPerProblem);
    }
}
