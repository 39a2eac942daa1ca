package dev.optagent.workflow.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.langchain4j.model.chat.ChatModel;
import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.OptAgent;
import dev.optagent.agent.trace.StageRecord;
import dev.optagent.datasets.Dataset;
import dev.optagent.datasets.Problem;
import dev.optagent.eval.EvalOptions;
import dev.optagent.eval.EvalRunner;
import dev.optagent.eval.ProblemResult;
import dev.optagent.eval.ResultsFile;
import dev.optagent.agent.AgentStatus;
import dev.optagent.formulation.io.AtomicFile;
import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.graph.RunGraph;
import dev.optagent.workflow.graph.TraceGraphs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scores a workflow by running the agent with it through eval's {@link EvalRunner}: the same scoring, the same
 * resumable {@code results.jsonl} and {@code traces/}, so a killed scoring resumes and a finished one is replayed
 * from its recordings.
 */
public final class AgentScorer implements Scorer {

    private static final ObjectMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private final ChatModel model;
    private final AgentConfig base;
    private final int concurrency;
    private final Duration problemBudget;

    public AgentScorer(ChatModel model, AgentConfig base, int concurrency, Duration problemBudget) {
        this.model = model;
        this.base = base;
        this.concurrency = concurrency;
        this.problemBudget = problemBudget;
    }

    @Override
    public Scored score(Workflow workflow, Dataset problems, Path dir) {
        OptAgent agent = OptAgent.builder().chatModel(model).workflow(workflow.toAgent(base)).build();
        EvalOptions options = new EvalOptions(dir, 0, Set.of(), concurrency, problemBudget, 0, 1);
        List<ProblemResult> results = new EvalRunner(problem -> agent.solve(problem.question()), QUIET).run(problems, options);
        List<ProblemResult> unreachable = results.stream().filter(r -> r.status() == AgentStatus.PROVIDER_ERROR).toList();
        if (!unreachable.isEmpty()) {
            forget(dir, unreachable);
            throw new IllegalStateException("the model could not be reached on " + unreachable.size() + " of " + results.size()
                    + " problems (" + unreachable.getFirst().message() + "); nothing was scored with a missing answer."
                    + " The run is checkpointed: run the same command again to resume");
        }
        return new Scored(results, graphs(problems, results, dir));
    }

    /**
     * Drops the given results from {@code results.jsonl}, so a resumed scoring asks again: an outage is not a
     * wrong answer, and a workflow must not be judged (and cached) on it.
     */
    private static void forget(Path dir, List<ProblemResult> unreachable) {
        Set<String> drop = unreachable.stream().map(ProblemResult::id).collect(Collectors.toSet());
        StringBuilder kept = new StringBuilder();
        try {
            for (ProblemResult r : ResultsFile.read(dir.resolve("results.jsonl")).values()) {
                if (!drop.contains(r.id())) kept.append(JSON.writeValueAsString(r)).append('\n');
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        AtomicFile.writeText(dir.resolve("results.jsonl"), kept.toString());
    }

    /** The graphs of finished results, rebuilt from their trace files. */
    static List<RunGraph> graphs(Dataset problems, List<ProblemResult> results, Path dir) {
        Map<String, Problem> byId = problems.problems().stream().collect(Collectors.toMap(Problem::id, Function.identity(), (a, b) -> a));
        List<RunGraph> graphs = new ArrayList<>();
        for (ProblemResult result : results) {
            Problem problem = byId.get(result.id());
            graphs.add(TraceGraphs.of(problem == null ? "" : problem.question(), trace(dir, result), result));
        }
        return graphs;
    }

    private static List<StageRecord> trace(Path dir, ProblemResult result) {
        if (result.trace() == null) return List.of();
        Path file = dir.resolve("traces").resolve(result.trace());
        try {
            JsonNode records = JSON.readTree(file.toFile()).path("trace");
            List<StageRecord> trace = new ArrayList<>();
            for (JsonNode r : records) trace.add(JSON.treeToValue(r, StageRecord.class));
            return trace;
        } catch (IOException e) {
            return List.of(); // a lost trace file leaves the run without its graph, not the step without a score
        }
    }
}
