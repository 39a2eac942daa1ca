package dev.optagent.workflow.train;

/**
 * What the Bayesian knob search maximises: strict validation accuracy less a price for the cost,
 * {@code accuracy − perCall × LLM calls per problem − perThousandTokens × tokens per problem / 1000}. Accuracy is a
 * fraction (0 to 1), so with the default 0.01 per call one more call per problem must buy one more correct answer
 * in a hundred to pay for itself — the same price as {@link ValidationScore#scalar()}.
 */
public record KnobObjective(double perCall, double perThousandTokens) {

    public KnobObjective {
        if (!(perCall >= 0) || !(perThousandTokens >= 0) || Double.isInfinite(perCall) || Double.isInfinite(perThousandTokens)) {
            throw new IllegalArgumentException("cost weights are finite and not negative, not " + perCall + " and " + perThousandTokens);
        }
    }

    public static KnobObjective defaults() {
        return new KnobObjective(0.01, 0);
    }

    public double value(ValidationScore score) {
        return score.accuracy() - perCall * score.callsPerProblem() - perThousandTokens * score.tokensPerProblem() / 1000;
    }

    /** The metric in words, for the study and the model's warm start. */
    public String describe() {
        return "strict accuracy on the validation sample (0 to 1) minus " + perCall + " per LLM call per problem"
                + (perThousandTokens > 0 ? " minus " + perThousandTokens + " per thousand tokens per problem" : "");
    }
}
