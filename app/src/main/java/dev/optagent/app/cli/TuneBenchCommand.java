package dev.optagent.app.cli;

import dev.optagent.solvers.Backend;
import dev.optagent.tuning.acquisition.CandidateSampler;
import dev.optagent.tuning.bench.Benchmark;
import dev.optagent.tuning.bench.BenchmarkTask;
import dev.optagent.tuning.bench.TestFunctions;
import dev.optagent.tuning.design.InitialDesign;
import dev.optagent.tuning.design.ModelExchange;
import dev.optagent.tuning.llm.ChatCall;
import dev.optagent.tuning.llm.LlmCandidateSampler;
import dev.optagent.tuning.llm.LlmWarmStart;
import dev.optagent.tuning.llm.WarmStartRecording;
import dev.optagent.tuning.report.BestSoFarPlot;
import dev.optagent.tuning.solver.SolverTuningTask;
import dev.optagent.tuning.study.StudyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;

/**
 * {@code optagent tune bench}: the optimizer on standard test functions (or a solver-tuning task) over several seeds;
 * per trial the median and mean best-so-far. A measurement tool for docs/tuning.md, not a test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the optimizer: median best-so-far per trial over seeds.")
final class TuneBenchCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--function", required = true, description = "branin, hartmann6, rosenbrock4, ackley5 or solver.")
    String function;

    @Option(names = "--trials", defaultValue = "30", description = "Trials per seed. Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--seeds", defaultValue = "10", description = "Independent runs. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "0", description = "Seed of the first run. Default: ${DEFAULT-VALUE}.")
    long firstSeed;

    @Option(names = "--init", defaultValue = "sobol",
            description = "random (pure random search: every trial random), sobol, lhs or llm. Default: ${DEFAULT-VALUE}.")
    String init;

    @Option(names = "--initial-trials", description = "Trials from the initial design (default: max(5, parameters + 1)).")
    Integer initialTrials;

    @Option(names = "--llm-sampler", description = "Also LLAMBO's target-conditioned candidate sampler beside EI (every other trial"
            + " after the design; prompt tuning-candidates@1). Opt-in, unmeasured.")
    boolean llmSampler;

    @Option(names = "--record", description = "With --init llm or --llm-sampler: ask the configured model (per seed) and save the replies here.")
    Path record;

    @Option(names = "--replay", description = "With --init llm or --llm-sampler: replay replies recorded with --record (run i uses recording i mod n).")
    Path replay;

    @Option(names = "--instances", defaultValue = "tuning/bench/instances/tune",
            description = "For --function solver: formulation files to tune on. Default: ${DEFAULT-VALUE}.")
    Path instances;

    @Option(names = "--backend", defaultValue = "cp-sat", description = "For --function solver: scip or cp-sat. Default: ${DEFAULT-VALUE}.")
    String backend;

    @Option(names = "--time-limit", defaultValue = "5", description = "For --function solver: seconds per solve. Default: ${DEFAULT-VALUE}.")
    double timeLimit;

    @Option(names = "--json", description = "One JSON object: function, trials, seeds, best_by_trial, mean_by_trial, ...")
    boolean json;

    @Option(names = "--svg", description = "Also write the median best-so-far curve as an SVG file.")
    Path svg;

    @Override
    public Integer call() throws Exception {
        BenchmarkTask task = function.equalsIgnoreCase("solver")
                ? SolverTuningTask.fromDirectory(instances, Backend.parse(backend), Duration.ofMillis((long) (timeLimit * 1000)))
                : TestFunctions.named(function);
        String design = init.trim().toLowerCase(java.util.Locale.ROOT);
        int initial = initialTrials != null ? initialTrials
                : design.equals("random") ? trials : Math.max(5, task.space().size() + 1);
        List<List<ModelExchange>> recorded = new ArrayList<>();
        LongFunction<ChatCall> chats = chats(design.equals("llm") || llmSampler, task, recorded);
        LongFunction<InitialDesign> designs = design.equals("llm") ? seed -> new LlmWarmStart(chats.apply(seed), 3) : seed -> InitialDesign.named(design);
        LongFunction<CandidateSampler> samplers = llmSampler ? seed -> new LlmCandidateSampler(chats.apply(seed), 2) : null;
        Benchmark.Result result = Benchmark.run(task, design + (llmSampler ? "+llm-sampler" : ""), designs, samplers,
                Math.min(initial, trials), trials, seeds, firstSeed);
        if (record != null) {
            new WarmStartRecording(task.name(), ChatCall.environmentModel(), recorded).write(record);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> node = new java.util.LinkedHashMap<>();
            node.put("function", result.function());
            node.put("init", result.init());
            node.put("trials", result.trials());
            node.put("seeds", result.seeds());
            node.put("first_seed", firstSeed);
            node.put("initial_trials", result.initialTrials());
            node.put("best_by_trial", result.bestByTrial());
            node.put("mean_by_trial", result.meanByTrial());
            node.put("target", result.target());
            node.put("optimum", result.optimum());
            node.put("trials_to_target", result.trialsToTarget());
            node.put("median_trials_to_target", result.medianTrialsToTarget());
            node.put("seconds", result.seconds());
            node.put("curves", result.curves());
            out.println(StudyFile.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(node));
        } else {
            out.printf("%s, init %s (%d initial trials), %d trials x %d seeds, %.1f s%n", result.function(), result.init(),
                    result.initialTrials(), result.trials(), result.seeds(), result.seconds());
            out.println("| trial | median best | mean best |");
            out.println("|---:|---:|---:|");
            for (int t = 0; t < result.trials(); t++) {
                out.printf("| %d | %.6g | %.6g |%n", t + 1, result.bestByTrial().get(t), result.meanByTrial().get(t));
            }
            out.printf("trials to reach %.6g per seed: %s; median %s%n", result.target(), result.trialsToTarget(),
                    result.medianTrialsToTarget() == null ? "not reached" : result.medianTrialsToTarget());
        }
        if (svg != null) {
            Files.writeString(svg, BestSoFarPlot.svg(result.function() + " — median best so far over " + seeds + " seeds",
                    List.of(new BestSoFarPlot.Series(result.init(), result.bestByTrial())), null, false));
        }
        out.flush();
        return 0;
    }

    /** The model per seed (one chat shared by the warm start and the sampler, so a recording replays both in order). */
    private LongFunction<ChatCall> chats(boolean usesModel, BenchmarkTask task, List<List<ModelExchange>> recorded) {
        if (!usesModel) {
            if (record != null || replay != null) throw new IllegalArgumentException("--record and --replay go with --init llm or --llm-sampler");
            return seed -> {
                throw new IllegalStateException("no model is used");
            };
        }
        if (record != null && replay != null) throw new IllegalArgumentException("use --record or --replay, not both");
        java.util.Map<Long, ChatCall> perSeed = new java.util.HashMap<>();
        if (replay != null) {
            WarmStartRecording recording = WarmStartRecording.read(replay);
            return seed -> perSeed.computeIfAbsent(seed, s -> recording.replay((int) (s - firstSeed)));
        }
        ChatCall live = ChatCall.fromEnvironment(0.7);
        return seed -> perSeed.computeIfAbsent(seed, s -> {
            List<ModelExchange> run = new ArrayList<>();
            recorded.add(run);
            return recordingTo(live, run);
        });
    }

    /** A live chat whose exchanges are also appended to {@code run} (the recording of one seed). */
    private static ChatCall recordingTo(ChatCall live, List<ModelExchange> run) {
        return (system, user) -> {
            ChatCall.Reply reply = live.chat(system, user);
            run.add(new ModelExchange(LlmWarmStart.PROMPT, system, user, reply.text(), 0, List.of(), reply.inputTokens(), reply.outputTokens()));
            return reply;
        };
    }
}
