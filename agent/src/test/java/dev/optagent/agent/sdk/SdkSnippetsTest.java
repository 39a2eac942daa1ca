package dev.optagent.agent.sdk;

import dev.optagent.agent.AgentResult;
import dev.optagent.agent.AgentStatus;
import dev.optagent.agent.OptAgent;
import dev.optagent.agent.StageEvent;
import dev.optagent.agent.llm.ScriptedChatModel;
import dev.optagent.formulation.ConstraintDecl;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.ParameterDecl;
import dev.optagent.formulation.SetDecl;
import dev.optagent.formulation.VariableDecl;
import dev.optagent.formulation.VariableType;
import dev.optagent.solvers.ModelSolver;
import dev.optagent.solvers.Solution;
import dev.optagent.solvers.SolveOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The snippets of docs/sdk.md, compiled and run. Each is the text between "// snippet" and "// end" below, and
 * {@link #theDocumentShowsExactlyTheseSnippets} fails when the page and this file drift apart.
 */
class SdkSnippetsTest {

    /** A reply as a language model gives it: the formulation as JSON. */
    private static final String REPLY = """
            {"name": "bakery", "sets": [{"name": "Products", "elements": ["bread", "muffins"]}],
             "parameters": [{"name": "profit", "index": ["Products"], "values": [3.2, 4.5]}, {"name": "oven", "value": 960}],
             "variables": [{"name": "make", "index": ["Products"], "type": "integer"}],
             "objective": {"sense": "maximize", "expression": "sum(profit[p] * make[p] for p in Products)"},
             "constraints": [{"name": "oven_time", "expression": "10 * make['bread'] + 15 * make['muffins'] <= oven"}]}""";

    @Test
    void solveAFormulationWithoutALanguageModel() {
        // snippet: solve-formulation
        Formulation model = Formulation.builder("bakery")
                .set(SetDecl.of("Products", "bread", "muffins"))
                .parameter(ParameterDecl.indexed("profit", List.of("Products"), Map.of("bread", 3.2, "muffins", 4.5)).withUnit("$"))
                .parameter(ParameterDecl.scalar("oven", 960))
                .variable(VariableDecl.of("make", List.of("Products"), VariableType.INTEGER))
                .maximize("sum(profit[p] * make[p] for p in Products)")
                .constraint(ConstraintDecl.of("oven_time", null, "10 * make['bread'] + 15 * make['muffins'] <= oven"))
                .build();                                   // checked as JSON is: FormulationException lists every problem
        Solution solution = new ModelSolver().solve(model, SolveOptions.defaults());
        System.out.println(solution.status() + " " + solution.objective() + " " + solution.variables());
        // end
        assertEquals(307.2, solution.objective(), 1e-9);
        assertTrue(solution.verification().passed());
    }

    @Test
    void solveAFormulationFileAndReadTheSensitivity() {
        // snippet: solve-file
        Formulation model = FormulationJson.read(Path.of("../datasets/formulations/transport.json"));
        Solution solution = new ModelSolver().solve(model, SolveOptions.defaults());
        solution.sensitivity().constraints().forEach((row, s) ->
                System.out.println(row + ": dual " + s.dual() + ", slack " + s.slack()));
        // end
        assertEquals(0.225, solution.sensitivity().constraints().get("demand_met[new-york]").dual(), 1e-9);
    }

    @Test
    void aScriptedModelForTests() {
        // snippet: scripted-model
        OptAgent agent = OptAgent.builder()
                .chatModel(ScriptedChatModel.of(REPLY))      // replies in order; no network, no key
                .build();
        AgentResult result = agent.solve("A bakery bakes bread and muffins in 960 oven minutes ...");
        System.out.println(result.status() + ": " + result.answer());
        // end
        assertEquals(AgentStatus.OPTIMAL, result.status());
        assertEquals(307.2, result.objective(), 1e-9);
    }

    @Test
    void aListenerAndAnAsynchronousSolve() throws Exception {
        // snippet: listener-async
        List<StageEvent> events = new CopyOnWriteArrayList<>();
        OptAgent agent = OptAgent.builder()
                .chatModel(ScriptedChatModel.of(REPLY))
                .listener(events::add)                       // formulate, check, solve, ... as they happen
                .build();
        AgentResult result = agent.solveAsync("A bakery bakes bread and muffins ...")
                .thenApply(r -> { System.out.println(r.answer()); return r; })
                .get();
        // end
        assertEquals(AgentStatus.OPTIMAL, result.status());
        assertFalse(events.isEmpty());
    }

    @Test
    void theDocumentShowsExactlyTheseSnippets() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/optagent/agent/sdk/SdkSnippetsTest.java"));
        List<String> tested = new ArrayList<>();
        Matcher region = Pattern.compile("// snippet: [a-z-]+\\n(.*?)\\n\\s*// end", Pattern.DOTALL).matcher(source);
        while (region.find()) tested.add(normal(region.group(1)));
        String page = Files.readString(Path.of("../docs/sdk.md"));
        List<String> shown = new ArrayList<>();
        Matcher block = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL).matcher(page);
        while (block.find()) if (!block.group(1).startsWith("import ")) shown.add(normal(block.group(1)));
        assertEquals(tested, shown, "docs/sdk.md shows the snippets this test runs, in this order");
    }

    private static String normal(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
