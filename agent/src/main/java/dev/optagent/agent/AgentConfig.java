package dev.optagent.agent;

import java.time.Duration;

/**
 * Every knob of the agent, as one serialisable value.
 *
 * @param revise               the follow-up stage of a conversation: change the current formulation as the user asks
 * @param insights             the prompt that presents an insight source's lessons to the model (see {@code InsightSource})
 * @param understandSeparately run the understand stage as its own call (else one formulate call does both)
 * @param repairRounds         bound on self-correction rounds per sample
 * @param samples              self-consistency samples (1 = off)
 * @param sampleTemperature    temperature of the extra samples
 * @param repairOnWarnings     also repair when only semantic warnings (unused numbers, integrality) were found
 * @param solveTimeLimit       solver time limit per solve
 * @param maxAttempts          attempts per LLM call on retriable provider errors
 * @param initialBackoff       first retry delay (doubles each time)
 * @param callTimeout          per LLM call
 */
public record AgentConfig(
        StageKnobs understand,
        StageKnobs formulate,
        StageKnobs formulateFromNotes,
        StageKnobs repair,
        StageKnobs revise,
        String language,
        String insights,
        boolean understandSeparately,
        int repairRounds,
        int samples,
        double sampleTemperature,
        boolean repairOnWarnings,
        Duration solveTimeLimit,
        int maxAttempts,
        Duration initialBackoff,
        Duration callTimeout) {

    public static AgentConfig defaults() {
        return new AgentConfig(
                new StageKnobs("understand@1", 0, 4000),
                new StageKnobs("formulate@4", 0, 8000),
                new StageKnobs("formulate-from-notes@2", 0, 8000),
                new StageKnobs("repair@1", 0, 8000),
                new StageKnobs("revise@1", 0, 8000),
                "language@2",
                "insights@1",
                false, 3, 1, 0.7, false,
                Duration.ofSeconds(60), 4, Duration.ofSeconds(2), Duration.ofMinutes(5));
    }

    public AgentConfig withSamples(int k) {
        return new AgentConfig(understand, formulate, formulateFromNotes, repair, revise, language, insights, understandSeparately, repairRounds,
                k, sampleTemperature, repairOnWarnings, solveTimeLimit, maxAttempts, initialBackoff, callTimeout);
    }

    public AgentConfig withRepairRounds(int rounds) {
        return new AgentConfig(understand, formulate, formulateFromNotes, repair, revise, language, insights, understandSeparately, rounds,
                samples, sampleTemperature, repairOnWarnings, solveTimeLimit, maxAttempts, initialBackoff, callTimeout);
    }

    public AgentConfig withUnderstandSeparately(boolean separately) {
        return new AgentConfig(understand, formulate, formulateFromNotes, repair, revise, language, insights, separately, repairRounds,
                samples, sampleTemperature, repairOnWarnings, solveTimeLimit, maxAttempts, initialBackoff, callTimeout);
    }

    /** A client of {@code model} with these retries, backoff and call timeout. */
    public dev.optagent.agent.llm.LlmClient llmClient(dev.langchain4j.model.chat.ChatModel model) {
        return new dev.optagent.agent.llm.LlmClient(model, maxAttempts, initialBackoff, callTimeout);
    }

    public AgentConfig withRetries(int attempts, Duration backoff, Duration timeout) {
        return new AgentConfig(understand, formulate, formulateFromNotes, repair, revise, language, insights, understandSeparately, repairRounds,
                samples, sampleTemperature, repairOnWarnings, solveTimeLimit, attempts, backoff, timeout);
    }

    /** The prompt that presents an insight source's lessons ({@code insights@1} by default; {@code insights@2} asks which were applied). */
    public AgentConfig withInsights(String prompt) {
        return new AgentConfig(understand, formulate, formulateFromNotes, repair, revise, language, prompt, understandSeparately, repairRounds,
                samples, sampleTemperature, repairOnWarnings, solveTimeLimit, maxAttempts, initialBackoff, callTimeout);
    }

    public AgentConfig withSolveTimeLimit(Duration limit) {
        return new AgentConfig(understand, formulate, formulateFromNotes, repair, revise, language, insights, understandSeparately, repairRounds,
                samples, sampleTemperature, repairOnWarnings, limit, maxAttempts, initialBackoff, callTimeout);
    }

    /** Another formulate prompt ({@code formulate@5}): opt-in until measured against the default. */
    public AgentConfig withFormulatePrompt(String prompt) {
        return new AgentConfig(understand, formulate.withPrompt(prompt), formulateFromNotes, repair, revise, language, insights, understandSeparately,
                repairRounds, samples, sampleTemperature, repairOnWarnings, solveTimeLimit, maxAttempts, initialBackoff, callTimeout);
    }

    /** Another language reference for the formulate and repair prompts ({@code language@3}). */
    public AgentConfig withLanguage(String prompt) {
        return new AgentConfig(understand, formulate, formulateFromNotes, repair, revise, prompt, insights, understandSeparately,
                repairRounds, samples, sampleTemperature, repairOnWarnings, solveTimeLimit, maxAttempts, initialBackoff, callTimeout);
    }
}
