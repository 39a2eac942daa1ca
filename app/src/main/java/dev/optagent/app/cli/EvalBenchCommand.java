package dev.optagent.app.cli;

import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.OptAgent;
import dev.optagent.agent.llm.ScriptedChatModel;
import dev.optagent.datasets.Dataset;
import dev.optagent.eval.EvalOptions;
import dev.optagent.eval.EvalRunner;
import dev.optagent.datasets.Problem;
import dev.optagent.eval.ProblemResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code optagent bench-eval}: how close the evaluation runner comes to ideal parallelism. N synthetic
 * problems, a scripted model that answers each call after a fixed latency L, K problems in flight: the
 * ideal wall time is N·L·calls/K; the ratio measured/ideal shows the runner's overhead (grounding,
 * solving, writing results). Prints one Markdown row.
 */
@Command(name = "bench-eval", mixinStandardHelpOptions = true,
        description = "Measure evaluation throughput with a scripted model of fixed latency (no network).")
final class EvalBenchCommand implements Callable<Integer> {

    @Option(names = "--problems", defaultValue = "500") int problems;
    @Option(names = "--latency-ms", defaultValue = "200") long latencyMillis;
    @Option(names = "--concurrency", defaultValue = "32") int concurrency;

    @Override
    public Integer call() throws IOException {
        List<Problem> list = new ArrayList<>();
        for (int k = 1; k <= problems; k++) {
            list.add(new Problem("p" + k, "Maximize x where x is at most " + k + ".", (double) k, "synthetic", false));
        }
        Path out = Files.createTempDirectory("optagent-bench-eval");
        AgentConfig config = AgentConfig.defaults().withRetries(1, Duration.ZERO, Duration.ofMinutes(1));
        EvalRunner runner = new EvalRunner(problem -> {
            int bound = Integer.parseInt(problem.id().substring(1));
            ScriptedChatModel model = ScriptedChatModel.of("""
                    ```json
                    {"parameters": [{"name": "cap", "value": %d}], "variables": [{"name": "x"}],
                     "objective": {"sense": "maximize", "expression": "x"}, "constraints": [{"name": "limit", "expression": "x <= cap"}]}
                    ```""".formatted(bound)).withLatency(Duration.ofMillis(latencyMillis));
            return OptAgent.builder().chatModel(model).config(config).build().solve(problem.question());
        }, new PrintStream(new ByteArrayOutputStream()));
        long start = System.nanoTime();
        List<ProblemResult> results = runner.run(new Dataset("synthetic", list, List.of()),
                new EvalOptions(out, 0, Set.of(), concurrency, Duration.ofMinutes(5), 0, 1));
        double seconds = (System.nanoTime() - start) / 1e9;
        long calls = results.stream().mapToLong(ProblemResult::llmCalls).sum();
        long correct = results.stream().filter(ProblemResult::correctStrict).count();
        double ideal = calls * latencyMillis / 1000.0 / concurrency;
        System.out.println("| problems | latency | concurrency | calls | correct | measured s | ideal s | ratio |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf(java.util.Locale.ROOT, "| %d | %d ms | %d | %d | %d | %.1f | %.1f | %.2f |%n", problems, latencyMillis, concurrency,
                calls, correct, seconds, ideal, seconds / ideal);
        return 0;
    }
}
