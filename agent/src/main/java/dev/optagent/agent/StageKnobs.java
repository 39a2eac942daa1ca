package dev.optagent.agent;

/**
 * Knobs of one LLM stage: its prompt ({@code name@version}), sampling temperature and output budget.
 * Serialisable, so configurations can be stored, compared and rewritten by a workflow optimiser.
 */
public record StageKnobs(String prompt, double temperature, int maxOutputTokens) {

    public StageKnobs withPrompt(String newPrompt) {
        return new StageKnobs(newPrompt, temperature, maxOutputTokens);
    }

    public StageKnobs withTemperature(double newTemperature) {
        return new StageKnobs(prompt, newTemperature, maxOutputTokens);
    }
}
