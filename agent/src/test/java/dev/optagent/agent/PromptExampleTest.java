package dev.optagent.agent;

import dev.optagent.agent.llm.JsonReply;
import dev.optagent.agent.prompt.PromptLibrary;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.ground.GroundModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example every prompt shows the model must itself be a valid formulation: models copy what they see. */
class PromptExampleTest {

    @ParameterizedTest
    @ValueSource(strings = {"language@1", "language@2", "language@3"})
    void theLanguageExampleIsAValidFormulation(String prompt) {
        String language = PromptLibrary.load(prompt).part("text");
        var json = JsonReply.extract(language).orElseThrow(() -> new AssertionError("no JSON example in " + prompt));
        GroundModel model = GroundModel.of(FormulationJson.parse(json.toString()));
        assertTrue(model.variables().size() > 5, "the example exercises indexed variables");
        assertTrue(model.warnings().isEmpty(), "the example draws no warnings (every parameter used): " + model.warnings());
    }
}
