package dev.optagent.app.cli;

import dev.langchain4j.model.chat.ChatModel;
import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.llm.LlmClient;
import dev.optagent.datasets.Dataset;
import dev.optagent.datasets.DatasetException;
import dev.optagent.tuning.design.InitialDesign;
import dev.optagent.tuning.llm.ChatCall;
import dev.optagent.tuning.llm.LlmWarmStart;
import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.WorkflowDiff;
import dev.optagent.workflow.WorkflowException;
import dev.optagent.workflow.WorkflowFile;
import dev.optagent.workflow.optoprime.ContextBudget;
import dev.optagent.workflow.param.Parameter;
import dev.optagent.workflow.param.ParameterRegistry;
import dev.optagent.workflow.param.ParameterType;
import dev.optagent.workflow.train.AgentScorer;
import dev.optagent.workflow.train.BayesianKnobSearch;
import dev.optagent.workflow.train.Checkpoint;
import dev.optagent.workflow.train.DatasetSplit;
import dev.optagent.workflow.train.KnobObjective;
import dev.optagent.workflow.train.KnobSearch;
import dev.optagent.workflow.train.RandomKnobSearch;
import dev.optagent.workflow.train.Trainer;
import dev.optagent.workflow.train.TrainerOptions;
import dev.optagent.workflow.train.TrainingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code optagent workflow show|validate|diff|split|optimize}: workflow files and their optimization. */
@Command(name = "workflow", mixinStandardHelpOptions = true,
        description = "Show, check, compare and optimize workflow files (the agent's prompts and knobs as trainable parameters).",
        subcommands = {WorkflowCommand.Show.class, WorkflowCommand.Validate.class, WorkflowCommand.Diff.class,
                WorkflowCommand.Split.class, WorkflowCommand.Optimize.class})
final class WorkflowCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the problems of a bad workflow file and returns the exit code. */
    static int refuse(PrintWriter err, String command, WorkflowException e) {
        err.println("optagent workflow " + command + ": not a valid workflow file");
        e.problems().forEach(p -> err.println("  - " + p));
        err.flush();
        return 1;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a workflow file's parameters (without a file: the built-in workflow).")
    static final class Show implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "WF.json") Path file;

        @Option(names = "--json", description = "Print the workflow file itself (a valid workflow file).")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Workflow workflow;
            try {
                workflow = file == null ? Workflow.defaults() : WorkflowFile.read(file);
            } catch (WorkflowException e) {
                return refuse(spec.commandLine().getErr(), "show", e);
            }
            if (json) {
                out.print(WorkflowFile.toJson(workflow));
            } else {
                out.println(workflow.name() + "  (checksum " + workflow.checksum().substring(0, 12) + ")");
                if (!workflow.description().isBlank()) out.println(workflow.description());
                workflow.notes().forEach((k, v) -> out.println("  " + k + ": " + v));
                Workflow defaults = Workflow.defaults();
                for (Parameter p : ParameterRegistry.defaults().all()) {
                    Object value = workflow.value(p.name());
                    boolean changed = !Objects.equals(value, defaults.value(p.name()));
                    String shown = p.type() == ParameterType.TEXT
                            ? "text of " + ((String) value).length() + " characters (" + p.prompt() + " " + p.part() + ")"
                            : String.valueOf(value);
                    out.printf("%s %-34s %-8s %-11s %s%n", changed ? "*" : " ", p.name(), p.type().name().toLowerCase(java.util.Locale.ROOT),
                            p.stage(), shown);
                }
                out.println("(* differs from the built-in workflow; 'optagent workflow diff' shows how)");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a workflow file; exit 0 only when it is valid.")
    static final class Validate implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "WF.json") Path file;

        @Override
        public Integer call() throws Exception {
            Workflow workflow;
            try {
                workflow = WorkflowFile.read(file);
            } catch (WorkflowException e) {
                return refuse(spec.commandLine().getErr(), "validate", e);
            }
            PrintWriter out = spec.commandLine().getOut();
            int changed = workflow.changedFrom(Workflow.defaults()).size();
            out.println("valid: " + workflow.name() + " (checksum " + workflow.checksum().substring(0, 12) + "), " + changed
                    + " parameter(s) differ from the built-in workflow");
            String stored = WorkflowFile.storedChecksum(Files.readString(file));
            if (stored != null && !stored.equals(workflow.checksum())) {
                out.println("note: the file's \"checksum\" field is stale (edited by hand?); runs record " + workflow.checksum());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true, description = "What differs between two workflow files (prompt text as a line diff).")
    static final class Diff implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "A") Path a;
        @Parameters(index = "1", paramLabel = "B") Path b;

        @Override
        public Integer call() {
            try {
                spec.commandLine().getOut().println(WorkflowDiff.describe(WorkflowFile.read(a), WorkflowFile.read(b)));
            } catch (WorkflowException e) {
                return refuse(spec.commandLine().getErr(), "diff", e);
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** Where datasets come from, and the fixed split, shared by {@code split} and {@code optimize}. */
    static final class DataOptions {
        @Option(names = "--datasets-dir", defaultValue = "${env:OPTAGENT_DATASETS:-../shared/datasets}",
                description = "Where dataset names are looked up. Default: ${DEFAULT-VALUE}.")
        Path datasetsDir;

        @Option(names = "--cache-dir", description = "Cache of published dataset files.")
        Path cacheDir;

        @Option(names = "--offline", defaultValue = "${env:OPTAGENT_OFFLINE:-false}", description = "Never download datasets.")
        boolean offline;

        @Option(names = "--split-seed", defaultValue = "11", description = "Seed of the train/val/test split. Default: ${DEFAULT-VALUE}.")
        long splitSeed;

        @Option(names = "--split-train", defaultValue = "60", description = "Problems in the training part. Default: ${DEFAULT-VALUE}.")
        int splitTrain;

        @Option(names = "--split-val", defaultValue = "30", description = "Problems in the validation part. Default: ${DEFAULT-VALUE}.")
        int splitVal;

        /** {@code NAME|FILE} or {@code NAME|FILE#train|val|test}: a dataset, or one part of its fixed split. */
        Dataset resolve(String spec) {
            int hash = spec.lastIndexOf('#');
            Dataset data = EvalCommand.resolver(datasetsDir, cacheDir, offline).resolve(hash < 0 ? spec : spec.substring(0, hash));
            return hash < 0 ? data : split().part(data, DatasetSplit.part(spec.substring(hash + 1)));
        }

        DatasetSplit split() {
            return new DatasetSplit(splitSeed, splitTrain, splitVal);
        }
    }

    @Command(name = "split", mixinStandardHelpOptions = true,
            description = "Print the ids of one part (train, val, test) of a dataset's fixed seeded split, comma-separated (for eval --ids).")
    static final class Split implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME|FILE#PART") String dataset;

        @picocli.CommandLine.Mixin DataOptions data = new DataOptions();

        @Override
        public Integer call() {
            try {
                if (!dataset.contains("#")) throw new IllegalArgumentException("name the part: " + dataset + "#train, #val or #test");
                Dataset part = data.resolve(dataset);
                spec.commandLine().getOut().println(String.join(",", part.problems().stream().map(dev.optagent.datasets.Problem::id).toList()));
                spec.commandLine().getOut().flush();
                return 0;
            } catch (DatasetException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("optagent workflow split: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 2;
            }
        }
    }

    @Command(name = "optimize", mixinStandardHelpOptions = true,
            description = "Optimize the workflow on training problems, accepting a change only when the validation score improves.")
    static final class Optimize implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--train", required = true, paramLabel = "NAME|FILE[#PART]", description = "Training problems (e.g. nlp4lp#train).")
        String train;

        @Option(names = "--val", required = true, paramLabel = "NAME|FILE[#PART]", description = "Validation problems (e.g. nlp4lp#val).")
        String val;

        @Option(names = "--out", required = true, paramLabel = "WF.json", description = "Where the optimized workflow is written (after every step).")
        Path out;

        @Option(names = "--start", paramLabel = "WF.json", description = "Start from this workflow (default: the built-in one).")
        Path start;

        @Option(names = "--run-dir", description = "Checkpoint and recordings; a rerun resumes here. Default: WF.json's name + .run")
        Path runDir;

        @Option(names = "--budget-calls", defaultValue = "0", description = "LLM calls at most, agent and optimizer (0 = no limit).")
        int budgetCalls;

        @Option(names = "--budget-minutes", defaultValue = "0", description = "Wall minutes at most over all sessions (0 = no limit).")
        long budgetMinutes;

        @Option(names = "--batch", defaultValue = "8", description = "Training problems per step. Default: ${DEFAULT-VALUE}.")
        int batch;

        @Option(names = "--steps", defaultValue = "10", description = "Steps at most. Default: ${DEFAULT-VALUE}.")
        int steps;

        @Option(names = "--patience", defaultValue = "4", description = "Stop after this many steps without improvement. Default: ${DEFAULT-VALUE}.")
        int patience;

        @Option(names = "--val-size", defaultValue = "0", description = "Score on a fixed seeded sample of this many validation problems (0 = all).")
        int valSize;

        @Option(names = "--seed", defaultValue = "11", description = "Seeds minibatches, the validation sample and the knob search. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--context-tokens", defaultValue = "24000", description = "Token budget of the optimizer's prompt. Default: ${DEFAULT-VALUE}.")
        int contextTokens;

        @Option(names = "--params", split = ",", description = "Parameters the optimizer may change (default: all).")
        List<String> params;

        @Option(names = "--knob-every", defaultValue = "0", description = "Every n-th step asks the knob search instead of OptoPrime (0 = never).")
        int knobEvery;

        @Option(names = "--mine-failures", defaultValue = "0", description = "An OptoPrime step runs up to 4 minibatches until its runs"
                + " hold at least this many failures, and shows the optimizer the failures first (0 = one minibatch as drawn).")
        int mineFailures;

        @Option(names = "--min-gain", defaultValue = "1", description = "Accept a candidate only with at least this many more"
                + " strict-correct validation answers (1 = any gain, ties broken by 5% fewer tokens). Default: ${DEFAULT-VALUE}.")
        int minGain;

        @Option(names = "--knob-search", defaultValue = "random", description = "How knob steps propose: random (one or two knobs at random)"
                + " or bayes (Gaussian process + expected improvement over every knob; docs/tuning.md). Default: ${DEFAULT-VALUE}.")
        String knobSearch;

        @Option(names = "--knob-warm-start", defaultValue = "sobol", description = "First proposals of --knob-search bayes: sobol, random"
                + " or llm (the optimizer's model proposes them). Default: ${DEFAULT-VALUE}.")
        String knobWarmStart;

        @Option(names = "--knob-initial", defaultValue = "4", description = "Proposals of --knob-search bayes from its warm start before"
                + " the GP takes over. Default: ${DEFAULT-VALUE}.")
        int knobInitial;

        @Option(names = "--knob-cost-per-call", defaultValue = "0.01", description = "--knob-search bayes maximises accuracy minus this"
                + " per LLM call per problem. Default: ${DEFAULT-VALUE}.")
        double knobCostPerCall;

        @Option(names = "--concurrency", defaultValue = "4", description = "Problems in flight. Default: ${DEFAULT-VALUE}.")
        int concurrency;

        @Option(names = "--problem-budget", defaultValue = "900", description = "Seconds per problem. Default: ${DEFAULT-VALUE}.")
        long problemBudget;

        @Option(names = "--optimizer-model", description = "Model name for the optimizer's calls, on the agent's provider (default: the agent's model).")
        String optimizerModel;

        @Option(names = "--optimizer-base-url", description = "Endpoint for the optimizer's calls, on the agent's provider (default: the agent's).")
        String optimizerBaseUrl;

        @picocli.CommandLine.Mixin DataOptions data = new DataOptions();

        /** The optimizer may be a different (often stronger) model than the agent it tunes, on any compatible endpoint. */
        private ChatModel optimizerModel(ChatModel agentModel) {
            if (optimizerModel == null && optimizerBaseUrl == null) return agentModel;
            java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
            String provider = dev.optagent.agent.llm.ChatModels.select(env).provider();
            if (optimizerModel != null) env.put("OPTAGENT_MODEL", optimizerModel);
            if (optimizerBaseUrl != null) env.put(provider.toUpperCase(java.util.Locale.ROOT) + "_BASE_URL", optimizerBaseUrl);
            return dev.optagent.agent.llm.ChatModels.create(env, dev.optagent.agent.llm.ChatModels.timeout(env));
        }

        /** The knob steps' search: random (the default), or Bayesian optimization with its study in the run directory. */
        private KnobSearch knobSearch(List<String> trainable, LlmClient optimizer, Path dir) {
            switch (knobSearch.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "random":
                    return new RandomKnobSearch(seed);
                case "bayes":
                    if (knobEvery <= 0) throw new IllegalArgumentException("--knob-search bayes needs --knob-every N (N > 0): which steps are knob steps");
                    InitialDesign design = knobWarmStart.equalsIgnoreCase("llm") ? new LlmWarmStart(ChatCall.of(optimizer, 0.7), 3)
                            : InitialDesign.named(knobWarmStart);
                    return new BayesianKnobSearch(KnobSearch.knobs(trainable), design, knobInitial, seed,
                            new KnobObjective(knobCostPerCall, 0), dir.resolve("knobs.study.json"));
                default:
                    throw new IllegalArgumentException("--knob-search is random or bayes, not '" + knobSearch + "'");
            }
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                Dataset trainData = data.resolve(train);
                Dataset valData = sample(data.resolve(val));
                Workflow from = start == null ? Workflow.defaults() : WorkflowFile.read(start);
                List<String> trainable = params == null || params.isEmpty()
                        ? ParameterRegistry.defaults().all().stream().map(Parameter::name).toList() : params;
                for (String p : trainable) {
                    if (ParameterRegistry.defaults().get(p).isEmpty()) throw new IllegalArgumentException("--params: unknown parameter '" + p + "'");
                }
                TrainerOptions options = new TrainerOptions(batch, steps, budgetCalls, budgetMinutes > 0 ? Duration.ofMinutes(budgetMinutes) : null,
                        patience, seed, new ContextBudget(contextTokens), trainable, knobEvery, 5, mineFailures, minGain);
                ChatModel model = SolveCommand.models.get();
                AgentConfig base = CliModel.config();
                LlmClient optimizer = base.llmClient(optimizerModel(model));
                Path dir = runDir != null ? runDir : out.resolveSibling(out.getFileName() + ".run");
                Trainer trainer = new Trainer(new AgentScorer(model, base, concurrency, Duration.ofSeconds(problemBudget)), optimizer,
                        knobSearch(trainable, optimizer, dir), options, line -> {
                            err.println(line);
                            err.flush();
                        });
                Checkpoint result = trainer.run(from, trainData, valData, dir, out);
                PrintWriter o = spec.commandLine().getOut();
                o.println(TrainingReport.markdown(result, Trainer.spentCalls(dir)));
                o.println("workflow written to " + out + "; checkpoint, recordings and report.md in " + dir);
                o.flush();
                return 0;
            } catch (WorkflowException e) {
                return refuse(err, "optimize", e);
            } catch (dev.optagent.agent.llm.ProviderException e) {
                err.println("optagent workflow optimize: the optimizer's model could not be reached (" + e.getMessage()
                        + "); the run is checkpointed: run the same command again to resume");
                err.flush();
                return 2;
            } catch (DatasetException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
                err.println("optagent workflow optimize: " + e.getMessage());
                err.flush();
                return 2;
            }
        }

        /** The fixed seeded validation sample: the first N problems ranked by the split's rule under --seed. */
        private Dataset sample(Dataset validation) {
            if (valSize <= 0 || valSize >= validation.problems().size() - 1) return validation;
            var ids = java.util.Set.copyOf(new DatasetSplit(seed, valSize, 1).ids(validation, DatasetSplit.Part.TRAIN));
            return new Dataset(validation.name() + "-sample" + valSize, validation.problems().stream().filter(p -> ids.contains(p.id())).toList(),
                    validation.errors(), validation.origin());
        }
    }
}
