package dev.optagent.app.cli;

import dev.langchain4j.model.chat.ChatModel;
import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.AgentResult;
import dev.optagent.agent.OptAgent;
import dev.optagent.agent.StageKnobs;
import dev.optagent.agent.llm.LlmClient;
import dev.optagent.datasets.DatasetException;
import dev.optagent.datasets.Problem;
import dev.optagent.eval.Scoring;
import dev.optagent.library.learn.Budget;
import dev.optagent.library.learn.Diagnoser;
import dev.optagent.library.learn.Judge;
import dev.optagent.library.learn.LearnConfig;
import dev.optagent.library.learn.LearnJournal;
import dev.optagent.library.learn.LearnReport;
import dev.optagent.library.learn.Learner;
import dev.optagent.library.learn.Progress;
import dev.optagent.library.learn.TaskSolver;
import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.LibraryJson;
import dev.optagent.library.model.Provenance;
import dev.optagent.library.refine.Refiner;
import dev.optagent.library.retrieval.Embedder;
import dev.optagent.library.retrieval.LibraryInsightSource;
import dev.optagent.library.retrieval.RetrievalConfig;
import dev.optagent.library.split.Split;
import dev.optagent.library.split.SplitPlan;
import dev.optagent.library.store.BuiltInLibrary;
import dev.optagent.library.store.JsonFileStore;
import dev.optagent.library.store.LibraryStore;
import dev.optagent.library.store.PostgresStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** {@code optagent library ...}: the experience library — show, stats, diff, learn, refine, split. */
@Command(name = "library", mixinStandardHelpOptions = true,
        description = "The experience library: solver-verified insights learned from failures (see docs/library.md).",
        subcommands = {LibraryCommand.Show.class, LibraryCommand.Stats.class, LibraryCommand.Diff.class, LibraryCommand.Learn.class,
                LibraryCommand.Refine.class, LibraryCommand.SplitCommand.class, LibraryCommand.BenchRetrieval.class})
final class LibraryCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A writable store: a JDBC URL or a JSON file (created when missing). */
    static LibraryStore store(String spec, String name) {
        if (spec.startsWith("jdbc:")) return PostgresStore.connect(spec);
        return JsonFileStore.createIfMissing(Path.of(spec), name);
    }

    /** Where the training tasks come from: a dataset (name or file) or one part of a split file. */
    static final class Tasks {
        @Option(names = "--dataset", description = "Training tasks: NAME[:VERSION] from the catalog or a normalised JSONL file.")
        String dataset;

        @Option(names = "--split", description = "A split file (docs/library-split.json) instead of --dataset; with --part.")
        Path split;

        @Option(names = "--part", defaultValue = "train", description = "Part of --split: train, validation or test. Default: ${DEFAULT-VALUE}.")
        String part;

        @Option(names = "--datasets-dir", defaultValue = "${env:OPTAGENT_DATASETS:-../shared/datasets}", description = "Where dataset names are looked up.")
        Path datasetsDir;

        @Option(names = "--limit", defaultValue = "0", description = "At most N tasks (0 = all).")
        int limit;

        String describe() {
            return split != null ? split + "#" + part : dataset;
        }

        List<Problem> load() {
            List<Problem> tasks;
            if (split != null) {
                tasks = Split.read(split).problems(part, datasetsDir);
            } else if (dataset != null) {
                tasks = EvalCommand.resolver(datasetsDir, null, true).resolve(dataset).problems();
            } else {
                throw new IllegalArgumentException("give the training tasks with --dataset FILE|NAME or --split FILE --part train");
            }
            return limit > 0 && tasks.size() > limit ? tasks.subList(0, limit) : tasks;
        }
    }

    /** The agent with a library's insights, for learning: re-solves after the first sample run at the sampling temperature. */
    static TaskSolver solver(ChatModel model, AgentConfig config, Embedder embedder, boolean conditions) {
        StageKnobs f = config.formulate();
        AgentConfig sampled = new AgentConfig(config.understand(), new StageKnobs(f.prompt(), config.sampleTemperature(), f.maxOutputTokens()),
                config.formulateFromNotes(), config.repair(), config.revise(), config.language(), config.insights(), config.understandSeparately(),
                config.repairRounds(), 1, config.sampleTemperature(), config.repairOnWarnings(), config.solveTimeLimit(), config.maxAttempts(),
                config.initialBackoff(), config.callTimeout());
        return (task, library, sample) -> OptAgent.builder().chatModel(model).config(sample == 0 ? config.withSamples(1) : sampled)
                .insights(LibraryInsightSource.of(library, embedder, RetrievalConfig.defaults(), conditions)).build().solve(task.question());
    }

    /** Eval's strict rule, wired in here so that the library need not depend on the evaluation module. */
    static final Judge STRICT = (task, status, objective) -> Scoring.correct(task.answer(), status, objective, Scoring.STRICT);

    static String modelName(ChatModel model) {
        return System.getenv().getOrDefault("OPTAGENT_MODEL", model.provider() == null ? "unknown" : model.provider().name());
    }

    @Command(name = "learn", mixinStandardHelpOptions = true,
            description = "Learn insights from training tasks with gold answers; resumable (run the same command again after a stop or a kill).")
    static final class Learn implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        Tasks tasks = new Tasks();

        @Option(names = "--out", required = true, description = "The library to write (LIB.json, or a jdbc:postgresql:// URL).")
        String out;

        @Option(names = "--from", description = "Start from this library (FILE or 'default') when --out does not exist yet.")
        String from;

        @Option(names = "--samples", defaultValue = "1", description = "Solves per task with the current library (K). Default: ${DEFAULT-VALUE}.")
        int samples;

        @Option(names = "--budget-calls", defaultValue = "0", description = "Stop after this many LLM calls in all (0 = no limit).")
        int budgetCalls;

        @Option(names = "--budget-minutes", defaultValue = "0", description = "Stop after this many minutes of this start (0 = no limit).")
        double budgetMinutes;

        @Option(names = "--insights-prompt", defaultValue = "insights@1", description = "insights@1, insights@2 (stage 2 in the call) or insights@3 (stage 2 as its own check call). Default: ${DEFAULT-VALUE}.")
        String insightsPrompt;

        @Option(names = "--require-approval", description = "Learned insights stay candidates until approved.")
        boolean approval;

        @Option(names = "--concurrency", defaultValue = "1", description = "Tasks in flight (the store serialises writes). Default: ${DEFAULT-VALUE}.")
        int concurrency;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            List<Problem> training;
            try {
                training = tasks.load();
            } catch (DatasetException | IllegalArgumentException e) {
                err.println("optagent library learn: " + e.getMessage());
                err.flush();
                return 2;
            }
            var loaded = CliModel.load(err);
            if (loaded.isEmpty()) return 2;
            ChatModel model = loaded.get();
            boolean fileOut = !out.startsWith("jdbc:");
            if (fileOut && from != null && !Files.exists(Path.of(out))) {
                Library start = BuiltInLibrary.resolve(from);
                new JsonFileStore(Path.of(out)).update(ignored -> start);
            }
            Path journalFile = LearnJournal.beside(fileOut ? Path.of(out) : Path.of("runs", "library-learn"));
            LearnJournal journal = new LearnJournal(journalFile);
            String name = fileOut ? Path.of(out).getFileName().toString().replaceFirst("\\.json$", "") : "shared";
            AgentConfig config = CliModel.config().withInsights(insightsPrompt);
            Budget budget = new Budget(budgetCalls, budgetMinutes > 0 ? Duration.ofSeconds((long) (budgetMinutes * 60)) : null, journal.callsSpent());
            Embedder embedder = Embedder.cached(Embedder.miniLm());
            try (LibraryStore store = store(out, name)) {
                Diagnoser diagnoser = new Diagnoser(config.llmClient(model), budget);
                Learner learner = new Learner(store, solver(model, config, embedder, "insights@2".equals(insightsPrompt)), STRICT, diagnoser,
                        LearnConfig.defaults(modelName(model)).withSamples(samples).withApproval(approval), budget, embedder, journal,
                        new Progress(System.err, Terminal.interactive()), "learn");
                String stopped = learner.learn(training, concurrency);
                Library library = store.update(l -> l.withProvenance(new Provenance(tasks.describe(),
                        journal.entries().stream().map(LearnJournal.Entry::task).toList(), modelName(model), LocalDate.now().toString(), false,
                        "learned; not measured against --library none yet")));
                LearnReport report = LearnReport.of(name, tasks.describe(), training.size(), journal.entries(), library, stopped);
                Path base = fileOut ? Path.of(out) : Path.of("runs", "library-learn");
                report.write(base.resolveSibling(base.getFileName() + ".report.json"), base.resolveSibling(base.getFileName() + ".report.md"));
                PrintWriter o = spec.commandLine().getOut();
                o.printf(Locale.ROOT, "%d of %d tasks finished; %d insights added, %d merged, %d rejected; %d LLM calls%s; report %s.report.md%n",
                        report.finished(), report.tasks(), report.added().size(), report.merged().size(), report.rejected().size(), report.calls(),
                        stopped == null ? "" : " (stopped: " + stopped + ")", base);
                o.flush();
                return 0;
            }
        }
    }

    @Command(name = "refine", mixinStandardHelpOptions = true,
            description = "Evolve a library from its evidence: narrow misleading conditions, widen missed ones (kept only if retrieval replay improves), retire net-negative insights.")
    static final class Refine implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--library", required = true, description = "The library to refine in place (FILE or jdbc:postgresql:// URL).")
        String library;

        @Mixin
        Tasks tasks = new Tasks();

        @Option(names = "--variants", defaultValue = "3", description = "Condition rewrites asked per insight. Default: ${DEFAULT-VALUE}.")
        int variants;

        @Option(names = "--retire-only", description = "Only retire net-negative insights (no model needed).")
        boolean retireOnly;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            List<Problem> labelled = List.of();
            if (!retireOnly) {
                try {
                    labelled = tasks.load();
                } catch (DatasetException | IllegalArgumentException e) {
                    err.println("optagent library refine: " + e.getMessage() + " (the labelled tasks' texts are needed to replay retrieval; or use --retire-only)");
                    err.flush();
                    return 2;
                }
            }
            Diagnoser diagnoser = null;
            String model = "none";
            if (!retireOnly) {
                var chat = CliModel.load(err);
                if (chat.isEmpty()) return 2;
                diagnoser = new Diagnoser(CliModel.config().llmClient(chat.get()), Budget.unlimited());
                model = modelName(chat.get());
            }
            try (LibraryStore store = store(library, "refined")) {
                Refiner.Result result = new Refiner(store, diagnoser, Embedder.cached(Embedder.miniLm()), RetrievalConfig.defaults(), variants, model)
                        .refine(labelled);
                spec.commandLine().getOut().printf("rewritten %d %s, retired %d %s, unchanged %d%n", result.rewritten().size(), result.rewritten(),
                        result.retired().size(), result.retired(), result.unchanged().size());
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a library's insights (by taxonomy, or as one JSON array).")
    static final class Show implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "LIBRARY", description = "FILE, jdbc URL, 'default' or 'none'. Default: $OPTAGENT_LIBRARY or the shipped one.")
        String library;

        @Option(names = "--json", description = "One JSON array of insights.")
        boolean json;

        @Option(names = "--stage", description = "Only this stage (formulate, repair, revise).")
        String stage;

        @Option(names = "--label", description = "Only this level-1 or level-2 label.")
        String label;

        @Option(names = "--status", description = "Only this status (candidate, active, retired).")
        String status;

        @Override
        public Integer call() {
            Library lib = BuiltInLibrary.resolve(BuiltInLibrary.spec(library, System.getenv()));
            Predicate<Insight> keep = i -> (stage == null || i.taxonomy().stage().equalsIgnoreCase(stage))
                    && (label == null || i.taxonomy().level1().equalsIgnoreCase(label) || i.taxonomy().level2().equalsIgnoreCase(label))
                    && (status == null || i.status().json().equalsIgnoreCase(status));
            List<Insight> shown = lib.insights().stream().filter(keep).toList();
            PrintWriter o = spec.commandLine().getOut();
            if (json) {
                o.println(LibraryJson.writeInsights(shown));
            } else {
                o.printf("%s: %d insight(s)%s%n", lib.name(), shown.size(),
                        lib.provenance() != null && !lib.provenance().measured() ? " (unmeasured)" : "");
                Map<String, List<Insight>> byTaxonomy = shown.stream().collect(Collectors.groupingBy(i -> i.taxonomy().path(), TreeMap::new, Collectors.toList()));
                byTaxonomy.forEach((path, insights) -> {
                    o.println("\n## " + path);
                    for (Insight i : insights) {
                        o.printf("- %s v%d [%s] score %d  %s%n    when: %s%n", i.id(), i.version(), i.status().json(), i.evidence().score(),
                                i.evidence().counts(), i.condition());
                        o.printf("    lesson: %s%n", i.explanation());
                    }
                });
            }
            o.flush();
            return 0;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Counts: insights by status and taxonomy, evidence, rejected, labels added.")
    static final class Stats implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "LIBRARY") String library;

        @Override
        public Integer call() {
            Library lib = BuiltInLibrary.resolve(BuiltInLibrary.spec(library, System.getenv()));
            PrintWriter o = spec.commandLine().getOut();
            o.printf("library %s (sha256 %s)%n", lib.name(), LibraryJson.checksum(lib).substring(0, 12));
            if (lib.provenance() != null) {
                o.printf("provenance: %s, %d training ids, model %s, %s, %s%n", lib.provenance().trainingSet(), lib.provenance().trainingIds().size(),
                        lib.provenance().model(), lib.provenance().date(), lib.provenance().measured() ? "measured" : "unmeasured");
            }
            Map<String, Long> byStatus = lib.insights().stream().collect(Collectors.groupingBy(i -> i.status().json(), TreeMap::new, Collectors.counting()));
            o.println("insights: " + lib.insights().size() + " " + byStatus);
            lib.insights().stream().collect(Collectors.groupingBy(i -> i.taxonomy().path(), TreeMap::new, Collectors.counting()))
                    .forEach((path, n) -> o.printf("  %-70s %d%n", path, n));
            Map<String, Integer> evidence = new TreeMap<>();
            lib.insights().forEach(i -> i.evidence().counts().forEach((k, v) -> evidence.merge(k, v, Integer::sum)));
            o.println("evidence: " + evidence);
            o.println("rejected candidates: " + lib.rejected().size());
            o.println("taxonomy labels added beyond the seed: " + lib.labelsAdded().size()
                    + (lib.labelsAdded().isEmpty() ? "" : " " + lib.labelsAdded().stream().map(t -> t.level1() + " / " + t.level2()).toList()));
            o.flush();
            return 0;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true, description = "Compare two libraries: insights added, removed, changed.")
    static final class Diff implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "A") String a;
        @Parameters(index = "1", paramLabel = "B") String b;

        @Override
        public Integer call() {
            Library left = BuiltInLibrary.resolve(a);
            Library right = BuiltInLibrary.resolve(b);
            PrintWriter o = spec.commandLine().getOut();
            int changes = 0;
            for (Insight i : right.insights()) {
                var old = left.find(i.id());
                if (old.isEmpty()) {
                    o.printf("+ %s [%s] %s: %s%n", i.id(), i.status().json(), i.taxonomy().path(), i.condition());
                    changes++;
                } else if (!old.get().equals(i)) {
                    Insight was = old.get();
                    StringBuilder what = new StringBuilder();
                    if (was.version() != i.version()) what.append(" version ").append(was.version()).append("->").append(i.version());
                    if (was.status() != i.status()) what.append(" status ").append(was.status().json()).append("->").append(i.status().json());
                    if (!was.condition().equals(i.condition())) what.append("\n    condition was: ").append(was.condition()).append("\n    condition now: ").append(i.condition());
                    if (!was.explanation().equals(i.explanation())) what.append(" explanation changed");
                    if (!was.evidence().equals(i.evidence())) what.append(" evidence ").append(was.evidence().counts()).append("->").append(i.evidence().counts());
                    o.printf("~ %s%s%n", i.id(), what);
                    changes++;
                }
            }
            for (Insight i : left.insights()) {
                if (right.find(i.id()).isEmpty()) {
                    o.printf("- %s [%s] %s%n", i.id(), i.status().json(), i.taxonomy().path());
                    changes++;
                }
            }
            o.printf("%d change(s); rejected %d -> %d%n", changes, left.rejected().size(), right.rejected().size());
            o.flush();
            return 0;
        }
    }

    @Command(name = "split", mixinStandardHelpOptions = true,
            description = "Make the seeded train/validation/test split (ids only) and optionally write each part as JSONL for eval.")
    static final class SplitCommand implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--datasets-dir", defaultValue = "${env:OPTAGENT_DATASETS:-../shared/datasets}") Path datasetsDir;
        @Option(names = "--out", defaultValue = "docs/library-split.json", description = "The split file (ids only). Default: ${DEFAULT-VALUE}.") Path out;
        @Option(names = "--write-jsonl", paramLabel = "DIR", description = "Also write train/validation/test .jsonl there (run data: never commit).") Path jsonl;
        @Option(names = "--from", description = "Use this existing split file instead of making one.") Path from;

        @Override
        public Integer call() {
            Split split;
            try {
                split = from != null ? Split.read(from) : Split.make(SplitPlan.fixed(), datasetsDir);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("optagent library split: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 2;
            }
            if (from == null) split.write(out);
            if (jsonl != null) for (String part : List.of("train", "validation", "test")) split.writeJsonl(part, datasetsDir, jsonl.resolve(part + ".jsonl"));
            spec.commandLine().getOut().printf("split (seed %d): %d train, %d validation, %d test; %d near-duplicates skipped%s%n", split.seed(),
                    split.train().size(), split.validation().size(), split.test().size(), split.skippedNearDuplicates().size(),
                    from == null ? "; written to " + out : "");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "bench-retrieval", mixinStandardHelpOptions = true,
            description = "Stage-1 retrieval latency per problem (embedding the problem + ranking), after a warm-up; a benchmark, not a test.")
    static final class BenchRetrieval implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        Tasks tasks = new Tasks();

        @Option(names = "--library", description = "Library to rank (default: a synthetic one, --insights per seed label).") String library;
        @Option(names = "--insights", defaultValue = "150", description = "Synthetic insights when no --library. Default: ${DEFAULT-VALUE}.") int insights;

        @Override
        public Integer call() {
            List<Problem> problems = tasks.load();
            Library lib = library != null ? BuiltInLibrary.resolve(library) : synthetic(insights);
            long load = System.nanoTime();
            var retriever = new dev.optagent.library.retrieval.Retriever(lib, Embedder.miniLm(), RetrievalConfig.defaults());
            double buildMs = (System.nanoTime() - load) / 1e6;
            for (int k = 0; k < Math.min(5, problems.size()); k++) retriever.retrieve("formulate", "warm-up " + problems.get(k).question());
            double[] millis = new double[problems.size()];
            for (int k = 0; k < problems.size(); k++) {
                long start = System.nanoTime();
                retriever.retrieve("formulate", problems.get(k).question());
                millis[k] = (System.nanoTime() - start) / 1e6;
            }
            double embedOnly = 0;
            for (Problem problem : problems) {
                long start = System.nanoTime();
                Embedder.miniLm().embed(problem.question().substring(0, Math.min(800, problem.question().length())) + " ");
                embedOnly += (System.nanoTime() - start) / 1e6;
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "embedding the problem alone: mean %.1f ms%n", embedOnly / problems.size());
            double[] sorted = millis.clone();
            java.util.Arrays.sort(sorted);
            double mean = java.util.Arrays.stream(millis).average().orElse(0);
            spec.commandLine().getOut().printf(Locale.ROOT, "%d problems, %d active insights (index built in %.0f ms incl. model load): mean %.1f ms,"
                            + " p50 %.1f ms, p95 %.1f ms, max %.1f ms per problem (%d cores)%n", problems.size(), lib.active().size(), buildMs, mean,
                    sorted[sorted.length / 2], sorted[(int) Math.min(sorted.length - 1, Math.round(sorted.length * 0.95))], sorted[sorted.length - 1],
                    Runtime.getRuntime().availableProcessors());
            spec.commandLine().getOut().flush();
            return 0;
        }

        /** Insights written from the seed taxonomy's labels and cues: realistic lengths, no benchmark text. */
        static Library synthetic(int n) {
            var seed = dev.optagent.library.model.SeedTaxonomy.builtIn();
            Library lib = Library.empty("synthetic", Provenance.unmeasured("benchmark"));
            int k = 0;
            while (k < n) {
                for (String track : seed.tracks()) {
                    for (String label : seed.labels(track)) {
                        if (k >= n) break;
                        List<String> cues = seed.cues(label);
                        String cue = cues.get(k % cues.size());
                        lib = lib.with(new Insight("syn-" + k, 1, List.of(), dev.optagent.library.model.Status.ACTIVE, null, null,
                                new dev.optagent.library.model.Taxonomy("formulate", track, label),
                                "This applies when the problem involves " + label + " and states a requirement on it, for example when the statement"
                                        + " mentions '" + cue + "' together with a limit or a target (variant " + k + "). It does not apply when " + label
                                        + " is only background.", "Model " + label + " explicitly; the common mistake is to leave it implicit.", null, null));
                        k++;
                    }
                }
            }
            return lib;
        }
    }
}
