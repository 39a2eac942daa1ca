package dev.optagent.workflow.optoprime;

import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.graph.OperationNode;
import dev.optagent.workflow.graph.RunFeedback;
import dev.optagent.workflow.graph.RunGraph;
import dev.optagent.workflow.param.Parameter;
import dev.optagent.workflow.param.ParameterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptoPrimeTest {

    private static final List<String> ALL = ParameterRegistry.defaults().all().stream().map(Parameter::name).toList();

    /** A run with long texts everywhere: formulate, check with findings, three repairs. */
    private static RunGraph run(int k, boolean correct) {
        String longText = ("word" + k + " ").repeat(1500);
        List<OperationNode> nodes = new ArrayList<>();
        nodes.add(new OperationNode("formulate_0", "formulate", 0, 0, Map.of("problem", "problem"),
                List.of(ParameterRegistry.FORMULATE_INSTRUCTIONS), longText, List.of(), 3000, 900));
        for (int round = 0; round < 4; round++) {
            nodes.add(new OperationNode("check_" + round, "check", 0, round, Map.of("reply", round == 0 ? "formulate_0" : "repair_" + round),
                    List.of(ParameterRegistry.REPAIR_ROUNDS), "{\"status\": \"INFEASIBLE\"}",
                    List.of("ERROR " + longText, "CHECK " + longText, "CHECK unused numbers"), 0, 20));
            if (round < 3) {
                nodes.add(new OperationNode("repair_" + (round + 1), "repair", 0, round + 1, Map.of("formulation", "check_" + round + ".formulation"),
                        List.of(ParameterRegistry.REPAIR_INSTRUCTIONS), longText, List.of(), 4000, 1000));
            }
        }
        RunFeedback feedback = new RunFeedback(correct, correct, 100.0, correct ? 100.0 : null, correct ? "OPTIMAL" : "SOLVER_ERROR",
                correct ? "NONE" : "SOLVER_ERROR", List.of("ERROR infeasible"), 3, 4, 12000, correct ? null : "no verified answer");
        return new RunGraph("p-" + k, longText, nodes, feedback);
    }

    @Test
    void aSmallBatchIsShownInFullWithEverySection() {
        OptimizerPrompt prompt = new OptoPrime(ContextBudget.defaults(), ALL).prompt(Workflow.defaults(), List.of(run(1, false)), List.of());
        for (String section : List.of("#Code", "#Documentation", "#Variables", "#Constraints", "#Inputs", "#Others", "#Outputs", "#Feedback")) {
            assertTrue(prompt.user().contains(section + "\n"), section);
        }
        assertTrue(prompt.system().contains("#Instruction"));
        assertTrue(prompt.user().contains("repair_1 = repair(formulation=check_0.formulation, repair_instructions=repair.instructions)"), prompt.user());
        assertTrue(prompt.user().contains("repair.rounds: integer in [0, 6]"));
        assertTrue(prompt.user().contains("{{language}}"), "text variables are shown with their placeholders");
        assertEquals(1, prompt.runsShown());
    }

    @Test
    void aLargeBatchStaysWithinTheBudget() {
        List<RunGraph> runs = new ArrayList<>();
        for (int k = 0; k < 200; k++) runs.add(run(k, k % 3 == 0));
        for (int budget : List.of(8_000, 24_000, 60_000)) {
            OptimizerPrompt prompt = new OptoPrime(new ContextBudget(budget), ALL).prompt(Workflow.defaults(), runs, List.of(
                    new MemoryEntry(1, List.of("repair.rounds = 4"), "strict 3/5", false)));
            int measured = ContextBudget.estimate(prompt.system()) + ContextBudget.estimate(prompt.user());
            assertTrue(measured <= budget, budget + ": " + measured);
            assertTrue(prompt.runsShown() > 0 && prompt.runsShown() < 200, "runs are left out, not all: " + prompt.runsShown());
            assertEquals(200 - prompt.runsShown(), prompt.runsLeftOut());
            assertTrue(prompt.user().contains("left out to fit the context"));
            assertTrue(prompt.user().contains("[run 1: p-1]"), "wrong runs come first");
            assertTrue(prompt.user().contains("step 1: repair.rounds = 4 → strict 3/5 (rejected)"), "memory is shown");
        }
    }

    @Test
    void repliesAreReadTolerantly() {
        OptimizerReply fenced = OptimizerReply.parse("Thinking...\n```json\n{\"reasoning\": \"r\", \"answer\": \"a\", \"suggestion\": {\"repair.rounds\": 4}}\n```");
        assertEquals(Map.of("repair.rounds", 4), fenced.suggestion());
        assertEquals("r", fenced.reasoning());
        OptimizerReply loose = OptimizerReply.parse("{'Reasoning': 'r', 'Suggestion': {'samples': {'value': '3'},}, // trailing\n}");
        assertEquals(Map.of("samples", "3"), loose.suggestion());
        OptimizerReply tags = OptimizerReply.parse("<reasoning>why</reasoning><suggestion>{\"repair.temperature\": 0.2}</suggestion>");
        assertEquals(Map.of("repair.temperature", 0.2), tags.suggestion());
        assertEquals("why", tags.reasoning());
        OptimizerReply withFence = OptimizerReply.parse("```json\n{\"reasoning\": \"keep ```json blocks\", \"suggestion\": {}}\n```");
        assertTrue(withFence.parsed(), "a fence inside a string value does not confuse the reader");
        assertFalse(OptimizerReply.parse("I would not change anything.").parsed());
    }

    @Test
    void suggestionsAreValidatedBeforeUse() {
        String repair = (String) Workflow.defaults().value(ParameterRegistry.REPAIR_INSTRUCTIONS);
        String problem = "A bakery sells loaves of rye bread to nine shops every morning at dawn";
        SuggestionCheck check = new SuggestionCheck(ALL, List.of(problem));
        SuggestionCheck.Result result = check.check(Workflow.defaults(), Map.of(
                "repair_rounds", "4",                                                          // loose name, string number: fine
                "repair.instructions", repair.replace("{{language}}", "(the language)"),     // placeholder lost
                "samples", 0,                                                                  // out of range
                "formulate.instructions", Workflow.defaults().value(ParameterRegistry.FORMULATE_INSTRUCTIONS)
                        + "\nFor example: a bakery sells loaves of rye bread to nine shops every morning.", // copies a problem
                "temperature", 0.5));                                                          // not a parameter
        assertEquals(Map.of("repair.rounds", 4), result.accepted());
        assertEquals(4, result.refused().size(), result.refused().toString());
        assertTrue(result.refused().stream().anyMatch(r -> r.contains("must keep exactly the placeholders {{language}}")));
        assertTrue(result.refused().stream().anyMatch(r -> r.contains("copies")));
    }
}
