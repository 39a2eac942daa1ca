package dev.optagent.workflow.graph;

import dev.optagent.agent.trace.StageRecord;
import dev.optagent.eval.ProblemResult;
import dev.optagent.workflow.param.Parameter;
import dev.optagent.workflow.param.ParameterRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.optagent.workflow.param.ParameterRegistry.*;

/**
 * Builds the graph of a run from its trace: each stage record becomes an operation node wired to the nodes it
 * read (formulate reads the problem, check reads the latest reply, repair reads the check's formulation and
 * findings), with the parameters its stage reads.
 */
public final class TraceGraphs {

    private TraceGraphs() {
    }

    public static RunGraph of(String problem, List<StageRecord> trace, ProblemResult result) {
        List<OperationNode> nodes = new ArrayList<>();
        Map<Integer, String> lastReply = new HashMap<>();
        Map<Integer, String> lastCheck = new HashMap<>();
        Map<Integer, String> understanding = new HashMap<>();
        List<String> lastFindings = List.of();
        for (StageRecord r : trace) {
            String suffix = r.attempt() == 0 ? "" : "_s" + r.attempt();
            String id = r.stage() + "_" + r.round() + suffix;
            Map<String, String> inputs = new LinkedHashMap<>();
            List<String> parameters = new ArrayList<>();
            String output = r.reply();
            switch (r.stage()) {
                case "understand" -> {
                    inputs.put("problem", "problem");
                    parameters.addAll(List.of(UNDERSTAND_INSTRUCTIONS, UNDERSTAND_TEMPERATURE, UNDERSTAND_SEPARATELY));
                    understanding.put(r.attempt(), id);
                }
                case "formulate", "revise" -> {
                    inputs.put("problem", "problem");
                    boolean fromNotes = understanding.containsKey(r.attempt());
                    if (fromNotes) inputs.put("understanding", understanding.get(r.attempt()));
                    parameters.addAll(List.of(fromNotes ? FORMULATE_FROM_NOTES_INSTRUCTIONS : FORMULATE_INSTRUCTIONS, LANGUAGE,
                            r.attempt() == 0 ? FORMULATE_TEMPERATURE : SAMPLE_TEMPERATURE, FORMULATE_MAX_TOKENS));
                    lastReply.put(r.attempt(), id);
                }
                case "check" -> {
                    inputs.put("reply", lastReply.getOrDefault(r.attempt(), "problem"));
                    ParameterRegistry.defaults().readBy("check").stream().map(Parameter::name).forEach(parameters::add);
                    parameters.add(REPAIR_ROUNDS);
                    output = r.parsed() == null ? "(not solved)" : r.parsed();
                    lastCheck.put(r.attempt(), id);
                    lastFindings = r.feedback();
                }
                case "repair" -> {
                    inputs.put("problem", "problem");
                    String check = lastCheck.getOrDefault(r.attempt(), "problem");
                    inputs.put("formulation", check + ".formulation");
                    inputs.put("findings", check + ".findings");
                    parameters.addAll(List.of(REPAIR_INSTRUCTIONS, LANGUAGE, REPAIR_TEMPERATURE));
                    lastReply.put(r.attempt(), id);
                }
                case "verdict" -> {
                    inputs.put("repair", lastReply.getOrDefault(r.attempt(), "problem"));
                    output = r.parsed();
                }
                default -> inputs.put("previous", nodes.isEmpty() ? "problem" : nodes.getLast().id());
            }
            nodes.add(new OperationNode(id, r.stage(), r.attempt(), r.round(), inputs, parameters, output == null ? "" : output,
                    r.feedback(), r.inputTokens() + r.outputTokens(), r.latencyMillis()));
        }
        RunFeedback feedback = new RunFeedback(result.correctStrict(), result.correctLenient(), result.gold(), result.predicted(),
                result.status() == null ? String.valueOf(result.failure()) : result.status().name(), String.valueOf(result.failure()),
                lastFindings, result.repairRounds(), result.llmCalls(), result.inputTokens() + result.outputTokens(), result.message());
        return new RunGraph(result.id(), problem, nodes, feedback);
    }
}
