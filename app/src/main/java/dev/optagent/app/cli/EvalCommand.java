package dev.optagent.app.cli;

import dev.langchain4j.model.chat.ChatModel;
import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.OptAgent;
import dev.optagent.datasets.Catalog;
import dev.optagent.datasets.Dataset;
import dev.optagent.datasets.DatasetException;
import dev.optagent.datasets.DatasetResolver;
import dev.optagent.datasets.Downloader;
import dev.optagent.eval.Contestant;
import dev.optagent.eval.OracleContestant;
import dev.optagent.solvers.ModelSolver;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.eval.EvalOptions;
import dev.optagent.eval.EvalRunner;
import dev.optagent.eval.ProblemResult;
import dev.optagent.eval.Reports;
import dev.optagent.eval.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code optagent eval --dataset NAME|FILE ...}: the agent on a benchmark, resumable, with reports. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate the agent on a benchmark dataset with a resumable results file and reports.",
        subcommands = {EvalCommand.Compare.class, EvalCommand.Merge.class, DatasetsCommand.class})
final class EvalCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset",
            description = "NAME[:VERSION] from the catalog (see 'eval datasets'), or a normalised JSONL file.")
    String dataset;

    @Option(names = "--cache-dir", description = "Where published dataset files are cached. Default: $OPTAGENT_CACHE/datasets or ~/.cache/optagent/datasets.")
    Path cacheDir;

    @Option(names = "--offline", defaultValue = "${env:OPTAGENT_OFFLINE:-false}", description = "Never download datasets.")
    boolean offline;

    @Option(names = "--oracle", paramLabel = "DIR",
            description = "Score formulation files DIR/<id>.json instead of calling a model (the solver layer on its own).")
    Path oracle;

    @Option(names = "--datasets-dir", defaultValue = "${env:OPTAGENT_DATASETS:-../shared/datasets}",
            description = "Where dataset names are looked up. Default: ${DEFAULT-VALUE}.")
    Path datasetsDir;

    @Option(names = "--out", description = "Output directory (results.jsonl, summary.json, summary.md, traces/). Default: runs/<dataset>.")
    Path out;

    @Option(names = "--limit", defaultValue = "0", description = "At most N problems (0 = all).")
    int limit;

    @Option(names = "--ids", split = ",", description = "Only these problem ids.")
    List<String> ids = List.of();

    @Option(names = "--concurrency", defaultValue = "4", description = "Problems in flight. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--shard", defaultValue = "0/1", description = "i/n: run the i-th of n deterministic shards. Default: ${DEFAULT-VALUE}.")
    String shard;

    @Option(names = "--problem-budget", defaultValue = "1800", description = "Seconds per problem. Default: ${DEFAULT-VALUE}.")
    long problemBudget;




    @picocli.CommandLine.Mixin
    AgentOptions agentOptions = new AgentOptions();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (dataset == null) {
            err.println("optagent eval: --dataset is required (a JSONL file or a dataset name); or use 'eval compare' / 'eval merge'");
            err.flush();
            return 2;
        }
        String[] parts = shard.split("/");
        if (parts.length != 2) {
            err.println("optagent eval: --shard is i/n, as in 0/4");
            err.flush();
            return 2;
        }
        Dataset data;
        try {
            data = resolver(datasetsDir, cacheDir, offline).resolve(dataset);
        } catch (DatasetException e) {
            err.println("optagent eval: " + e.getMessage());
            err.flush();
            return 2;
        }
        Contestant contestant;
        String modelName;
        AgentConfig config = null;
        dev.optagent.workflow.Workflow workflow = null;
        String endpoint = null;
        LibraryChoice library = null;
        if (oracle != null) {
            if (!Files.isDirectory(oracle)) {
                err.println("optagent eval: --oracle " + oracle + " is not a directory of <id>.json formulation files");
                err.flush();
                return 2;
            }
            contestant = new OracleContestant(oracle, new ModelSolver(), SolveOptions.defaults());
            modelName = "oracle:" + oracle;
        } else {
            var loaded = CliModel.load(err);
            if (loaded.isEmpty()) return 2;
            ChatModel model = loaded.get();
            dev.optagent.agent.workflow.AgentWorkflow agentWorkflow;
            try {
                workflow = agentOptions.workflow();
                agentWorkflow = workflow.toAgent(agentOptions.base());
            } catch (dev.optagent.workflow.WorkflowException e) {
                err.println("optagent eval: " + e.getMessage());
                err.flush();
                return 2;
            }
            config = agentWorkflow.config();
            try {
                endpoint = dev.optagent.agent.llm.ChatModels.select(System.getenv()).baseUrl();
            } catch (IllegalStateException e) {
                endpoint = "in-process";
            }
            library = LibraryChoice.of(agentOptions.library, agentOptions.insightsPrompt);
            OptAgent agent = OptAgent.builder().chatModel(model).workflow(agentWorkflow).insights(library.source()).build();
            contestant = problem -> agent.solve(problem.question());
            modelName = System.getenv().getOrDefault("OPTAGENT_MODEL", model.provider() == null ? "unknown" : model.provider().name());
        }
        Path output = out != null ? out : Path.of("runs", data.name());
        EvalOptions options = new EvalOptions(output, limit, Set.copyOf(ids), concurrency, Duration.ofSeconds(problemBudget),
                Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        dev.optagent.eval.Provenance provenance = dev.optagent.eval.Provenance.of(data, modelName, endpoint, config, options);
        if (library != null) provenance = provenance.withLibrary(library.provenance());
        if (workflow != null) {
            provenance = provenance.withWorkflow(workflow.name(), workflow.checksum(),
                    agentOptions.workflow == null ? null : agentOptions.workflow.toString());
        }
        Summary summary;
        // One run per output directory: a second one would append every problem twice.
        try (dev.optagent.eval.OutputLock lock = dev.optagent.eval.OutputLock.acquire(output)) {
            provenance.record(output);
            List<ProblemResult> results = new EvalRunner(contestant, System.err, Terminal.interactive()).run(data, options);
            summary = Reports.write(output, data.name(), modelName, results);
        } catch (dev.optagent.eval.EvalException e) {
            err.println("optagent eval: " + e.getMessage());
            err.flush();
            return 2;
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: %d problems, strict %.1f%%, lenient %.1f%%; reports in %s%n", data.name(), summary.count(),
                100 * summary.accuracy().get("strict"), 100 * summary.accuracy().get("lenient"), output);
        o.flush();
        if (summary.unanswered() > 0) {
            // An outage is not a wrong answer: say so, and make scripts notice that the run is not complete.
            err.printf(Locale.ROOT, "optagent eval: %d of %d problems got no answer from the model (provider errors or time-outs); "
                    + "run the same command again to ask them again%n", summary.unanswered(), summary.count());
            err.flush();
            return 3;
        }
        return 0;
    }

    static DatasetResolver resolver(Path datasetsDir, Path cacheDir, boolean offline) {
        return new DatasetResolver(Catalog.builtIn(), datasetsDir, cacheDir != null ? cacheDir : DatasetResolver.defaultCacheDir(),
                offline ? Downloader.offline() : Downloader.http());
    }

    /** {@code optagent eval compare RUN_A RUN_B}: problems that flipped, and the cost difference. */
    @Command(name = "compare", mixinStandardHelpOptions = true, description = "List the problems that flipped between two runs.")
    static final class Compare implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Parameters(index = "0", paramLabel = "RUN_A") Path a;
        @picocli.CommandLine.Parameters(index = "1", paramLabel = "RUN_B") Path b;

        @Override
        public Integer call() {
            var comparison = dev.optagent.eval.RunComparison.of(dev.optagent.eval.ResultsFile.read(a.resolve("results.jsonl")),
                    dev.optagent.eval.ResultsFile.read(b.resolve("results.jsonl")));
            spec.commandLine().getOut().println(comparison.describe());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code optagent eval merge --out DIR SHARD_DIR...}: one run from shard runs. */
    @Command(name = "merge", mixinStandardHelpOptions = true, description = "Merge the output directories of shard runs.")
    static final class Merge implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", required = true) Path out;
        @Option(names = "--dataset-name", defaultValue = "merged") String name;
        @Option(names = "--model", defaultValue = "unknown") String model;
        @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "SHARD_DIR") List<Path> shards;

        @Override
        public Integer call() {
            var results = dev.optagent.eval.RunMerge.merge(shards, out);
            Summary summary = Reports.write(out, name, model, results);
            spec.commandLine().getOut().printf(Locale.ROOT, "merged %d problems from %d shards: strict %.1f%%, lenient %.1f%%%n",
                    summary.count(), shards.size(), 100 * summary.accuracy().get("strict"), 100 * summary.accuracy().get("lenient"));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
