package dev.optagent.workflow.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.optagent.agent.llm.LlmClient;
import dev.optagent.agent.llm.LlmExchange;
import dev.optagent.datasets.Dataset;
import dev.optagent.eval.ProblemResult;
import dev.optagent.formulation.io.AtomicFile;
import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.graph.RunGraph;
import dev.optagent.workflow.optoprime.MemoryEntry;
import dev.optagent.workflow.optoprime.OptimizerPrompt;
import dev.optagent.workflow.optoprime.OptimizerReply;
import dev.optagent.workflow.optoprime.OptoPrime;
import dev.optagent.workflow.optoprime.SuggestionCheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An OptoPrime step: run the current workflow on the step's minibatch, show the optimizer the runs' subgraphs
 * with their feedback and the memory of earlier candidates, and validate what it suggests. The optimizer's
 * prompt and reply are recorded in {@code steps/N/optimizer.json} before use, and replayed when the step runs again.
 */
final class OptoPrimeProposer {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final double TEMPERATURE = 0.7;
    private static final int MAX_OUTPUT_TOKENS = 8000;

    private final Scorer scorer;
    private final LlmClient optimizer;
    private final OptoPrime optoPrime;
    private final SuggestionCheck check;
    private final TrainerOptions options;
    private final Consumer<String> progress;

    OptoPrimeProposer(Scorer scorer, LlmClient optimizer, SuggestionCheck check, TrainerOptions options, Consumer<String> progress) {
        this.scorer = scorer;
        this.optimizer = optimizer;
        this.optoPrime = new OptoPrime(options.context(), options.trainable());
        this.check = check;
        this.options = options;
        this.progress = progress;
    }

    Proposal propose(int step, Checkpoint checkpoint, Dataset train, Path stepDir) {
        Workflow current = checkpoint.currentWorkflow();
        // Mining draws slices (step-1)*S+1 .. step*S, so steps never share problems and a resume draws the same ones.
        int slices = options.mineFailures() > 0 ? TrainerOptions.MINING_SLICES : 1;
        List<String> batchIds = new ArrayList<>();
        List<ProblemResult> results = new ArrayList<>();
        List<RunGraph> graphs = new ArrayList<>();
        for (int k = 0; k < slices; k++) {
            List<String> sliceIds = batch(checkpoint.train(), (step - 1) * slices + k + 1, options.batchSize(), options.seed());
            Set<String> ids = Set.copyOf(sliceIds);
            Dataset batch = new Dataset(train.name() + "-step" + step, train.problems().stream().filter(p -> ids.contains(p.id())).toList(),
                    List.of(), train.origin());
            progress.accept("step " + step + ": running the current workflow on " + sliceIds.size() + " training problems");
            Scorer.Scored slice = scorer.score(current, batch, stepDir.resolve(k == 0 ? "batch" : "batch-" + (k + 1)));
            batchIds.addAll(sliceIds);
            results.addAll(slice.results());
            graphs.addAll(slice.graphs());
            if (failures(graphs) >= options.mineFailures()) break;
        }
        Scorer.Scored scored = new Scorer.Scored(results, graphs);
        OptimizerPrompt prompt = optoPrime.prompt(current, shown(graphs), memory(checkpoint));
        Recorded reply = reply(stepDir.resolve("optimizer.json"), prompt);
        OptimizerReply parsed = OptimizerReply.parse(reply.text());
        SuggestionCheck.Result checked = check.check(current, parsed.suggestion());
        List<String> refused = new ArrayList<>(checked.refused());
        if (!parsed.parsed()) refused.add("the optimizer's reply held no readable {reasoning, answer, suggestion} object");
        progress.accept("step " + step + ": batch " + scored.score().correct() + "/" + scored.score().count() + " correct; optimizer (prompt ≈ "
                + prompt.estimatedTokens() + " tokens, detail " + prompt.detail() + ") suggests " + parsed.suggestion().keySet()
                + (refused.isEmpty() ? "" : "; refused: " + refused));
        return new Proposal("optoprime", batchIds, scored.score(), parsed.reasoning(), parsed.answer(), parsed.suggestion(), refused,
                checked.accepted(), reply.calls(), reply.tokens(), prompt.estimatedTokens(), prompt.detail(), prompt.runsLeftOut());
    }

    private static long failures(List<RunGraph> graphs) {
        return graphs.stream().filter(g -> !g.feedback().correct()).count();
    }

    /** What the optimizer reads: one minibatch's worth of runs, failures first when mining (they carry the signal). */
    private List<RunGraph> shown(List<RunGraph> graphs) {
        if (options.mineFailures() == 0) return graphs;
        List<RunGraph> ordered = new ArrayList<>(graphs.stream().filter(g -> !g.feedback().correct()).toList());
        graphs.stream().filter(g -> g.feedback().correct()).forEach(ordered::add);
        return ordered.subList(0, Math.min(options.batchSize(), ordered.size()));
    }

    /** Step s's minibatch: the s-th slice of the training ids, reshuffled each epoch (seeded, so a resume draws the same). */
    static List<String> batch(List<String> train, int step, int batchSize, long seed) {
        int size = Math.min(batchSize, train.size());
        long first = (long) (step - 1) * size;
        List<String> batch = new ArrayList<>();
        for (long k = first; k < first + size; k++) {
            int epoch = (int) (k / train.size());
            List<String> order = new ArrayList<>(train);
            java.util.Collections.shuffle(order, new Random(seed * 7919 + epoch));
            batch.add(order.get((int) (k % train.size())));
        }
        return batch;
    }

    /** The last scored candidates, with their changes (long texts abbreviated) and validation scores. */
    private List<MemoryEntry> memory(Checkpoint checkpoint) {
        List<StepRecord> scored = checkpoint.steps().stream().filter(s -> s.validation() != null).toList();
        List<MemoryEntry> memory = new ArrayList<>();
        for (StepRecord s : scored.subList(Math.max(0, scored.size() - options.memory()), scored.size())) {
            List<String> changes = new ArrayList<>();
            s.applied().forEach((name, value) -> changes.add(name + " = " + (value instanceof String t && t.length() > 80 ? "(text rewritten)" : value)));
            memory.add(new MemoryEntry(s.step(), changes, s.validation().describe(), s.accepted()));
        }
        return memory;
    }

    private record Recorded(String text, int calls, long tokens) { }

    private Recorded reply(Path file, OptimizerPrompt prompt) {
        try {
            if (Files.isRegularFile(file)) {
                var node = JSON.readTree(file.toFile());
                return new Recorded(node.path("reply").asText(), node.path("calls").asInt(), node.path("tokens").asLong());
            }
            LlmExchange exchange = optimizer.chat(prompt.system(), prompt.user(), TEMPERATURE, MAX_OUTPUT_TOKENS);
            long tokens = (long) exchange.inputTokens() + exchange.outputTokens();
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("prompt", OptoPrime.PROMPT);
            record.put("system", prompt.system());
            record.put("user", prompt.user());
            record.put("reply", exchange.reply());
            record.put("calls", exchange.attempts());
            record.put("tokens", tokens);
            record.put("estimatedPromptTokens", prompt.estimatedTokens());
            record.put("inputTokens", exchange.inputTokens());
            AtomicFile.writeText(file, JSON.writeValueAsString(record));
            return new Recorded(exchange.reply(), exchange.attempts(), tokens);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the optimizer's reply in " + file + ": " + e.getMessage(), e);
        }
    }
}
