package dev.optagent.app.server;

import dev.langchain4j.model.chat.ChatModel;
import dev.optagent.agent.llm.ScriptedChatModel;
import io.quarkus.test.Mock;

import java.util.Optional;

/** The server's model in tests: a scripted model each test sets up, or none at all. */
@Mock
public class TestModels implements ChatModelSource {

    private static volatile ChatModel script;
    private static volatile Selection served;

    /** Use this script from now on (null: no model configured). */
    public static ScriptedChatModel use(ScriptedChatModel model) {
        script = model;
        served = null;
        return model;
    }

    /** A real provider's model as configured by these variables (e.g. one pointing at a closed port). */
    public static void useProvider(java.util.Map<String, String> env) {
        var selection = dev.optagent.agent.llm.ChatModels.select(env);
        script = dev.optagent.agent.llm.ChatModels.create(env, java.time.Duration.ofSeconds(5));
        served = new Selection(true, selection.provider(), selection.model(), null, selection.baseUrl());
    }

    @Override
    public Selection selection() {
        return script == null ? new Selection(false, null, null, "No language model is configured. Set OPENAI_API_KEY ...")
                : served != null ? served : new Selection(true, "scripted", "recorded-replies", null);
    }

    @Override
    public Optional<ChatModel> model() {
        return Optional.ofNullable(script);
    }

    /** A reply with the desks-and-chairs formulation; {@code integer} picks the variable type. */
    public static String desks(String type, int wood) {
        return """
                The plan maximises profit from desks and chairs.
                ```json
                {"name": "desks", "assumptions": ["%s"],
                 "parameters": [{"name": "wood", "value": %d, "unit": "units"}],
                 "variables": [{"name": "desks", "type": "%s", "description": "desks built", "unit": "desks"},
                               {"name": "chairs", "type": "%s", "description": "chairs built", "unit": "chairs"}],
                 "objective": {"sense": "maximize", "expression": "30 * desks + 6 * chairs"},
                 "constraints": [{"name": "timber", "expression": "4 * desks + chairs <= wood"},
                                 {"name": "desk_cap", "expression": "desks <= 2.5"}]}
                ```""".formatted(ASSUMPTION, wood, type, type);
    }

    /** What the scripted model says it assumed; the UI must show it with the answer. */
    public static final String ASSUMPTION = "Every desk and chair built is sold at the stated profit.";

    public static final String DESKS_PROBLEM = "A workshop has 12 units of wood. A desk needs 4 units and earns 30; a chair needs 1 unit and earns 6."
            + " At most 2.5 desks fit in the showroom. Maximise profit.";
}
