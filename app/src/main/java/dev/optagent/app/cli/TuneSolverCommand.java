package dev.optagent.app.cli;

import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.solvers.Backend;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolverParameters;
import dev.optagent.tuning.Optimizer;
import dev.optagent.tuning.bench.BenchmarkTask;
import dev.optagent.tuning.design.InitialDesign;
import dev.optagent.tuning.llm.ChatCall;
import dev.optagent.tuning.llm.LlmWarmStart;
import dev.optagent.tuning.report.TrialsReport;
import dev.optagent.tuning.solver.SolverParametersFile;
import dev.optagent.tuning.solver.SolverSpaces;
import dev.optagent.tuning.solver.SolverTuningObjective;
import dev.optagent.tuning.solver.SolverTuningTask;
import dev.optagent.tuning.study.StudyFile;
import dev.optagent.tuning.study.StudySettings;
import dev.optagent.tuning.study.Trial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code optagent tune solver MODEL.json}: Bayesian optimization of SCIP or CP-SAT parameters for a recurring model,
 * measured as mean seconds to a proven optimum (PAR-2 at the limit). The study is saved after every trial and resumed
 * when the command is run again; the best parameters are written for {@code solve-model --solver-params}.
 */
@Command(name = "solver", mixinStandardHelpOptions = true,
        description = "Tune SCIP or CP-SAT parameters for a model; writes a parameters file for solve-model --solver-params.")
final class TuneSolverCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The formulation file to tune for.")
    Path model;

    @Option(names = "--instances", description = "A directory of further instances of the model (formulation files), measured with it.")
    Path instances;

    @Option(names = "--holdout", description = "A directory of held-out instances: default and tuned parameters are compared on them at the end.")
    Path holdout;

    @Option(names = "--backend", defaultValue = "cp-sat", description = "scip or cp-sat. Default: ${DEFAULT-VALUE}.")
    String backend;

    @Option(names = "--trials", defaultValue = "20", description = "Trials in all (a resumed study counts its finished ones). Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--initial-trials", defaultValue = "5", description = "Trials from the initial design. Default: ${DEFAULT-VALUE}.")
    int initialTrials;

    @Option(names = "--time-limit", defaultValue = "10", description = "Seconds per solve. Default: ${DEFAULT-VALUE}.")
    double timeLimit;

    @Option(names = "--warm-start", defaultValue = "sobol", description = "llm, sobol, lhs or random. Default: ${DEFAULT-VALUE}.")
    String warmStart;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the study. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", defaultValue = "solver-params.json", description = "Best parameters file. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--study", description = "Study file (default: OUT with .study.json); resumed if it exists.")
    Path studyPath;

    @Override
    public Integer call() throws Exception {
        Backend engine = Backend.parse(backend);
        SolverSpaces.forBackend(engine);
        Duration limit = Duration.ofMillis((long) (timeLimit * 1000));
        List<Formulation> set = new ArrayList<>();
        set.add(FormulationJson.read(model));
        if (instances != null) set.addAll(SolverTuningTask.readInstances(instances));
        BenchmarkTask task = SolverTuningTask.of(set, engine, limit);
        StudyFile file = new StudyFile(studyPath != null ? studyPath : Path.of(out.toString().replaceFirst("\\.json$", "") + ".study.json"));
        PrintWriter print = spec.commandLine().getOut();
        String design = warmStart.trim().toLowerCase(java.util.Locale.ROOT);
        InitialDesign initial = design.equals("llm") ? new LlmWarmStart(ChatCall.fromEnvironment(0.7), 3) : InitialDesign.named(design);
        Optimizer optimizer;
        if (file.exists()) {
            optimizer = Optimizer.resume(file, initial);
            print.printf("resuming %s: %d trials finished%n", file.path(), optimizer.study().trials().stream().filter(t -> t.state() != Trial.TrialState.PENDING).count());
        } else {
            optimizer = Optimizer.builder(task.space()).name("tune " + engine.name().toLowerCase(java.util.Locale.ROOT) + " for " + set.get(0).name())
                    .description(task.description()).settings(new StudySettings(design, initialTrials, null, seed, 0.01))
                    .initialDesign(initial).studyFile(file).build();
        }
        // A trial asked but never told (the process was killed mid-solve) is measured again.
        for (Trial t : optimizer.study().trials()) if (t.state() == Trial.TrialState.PENDING) measure(optimizer, task, t, print);
        while (optimizer.study().trials().size() < trials) measure(optimizer, task, optimizer.ask(), print);
        Trial best = optimizer.best().orElseThrow(() -> new IllegalStateException("every trial failed; see " + file.path()));
        SolverParameters parameters = SolverSpaces.parameters(engine, best.config());
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("model", model.toString());
        provenance.put("instances", set.size());
        provenance.put("backend", engine.name());
        provenance.put("metric", task.description().metric());
        provenance.put("best_trial", best.number());
        provenance.put("best_value", best.value());
        provenance.put("trials", optimizer.study().trials().size());
        provenance.put("study", file.path().toString());
        SolverParametersFile.write(out, parameters, provenance);
        Path report = Path.of(file.path().toString().replaceFirst("\\.json$", "") + ".html");
        Files.writeString(report, TrialsReport.html(optimizer.study()));
        print.printf("best: trial %d, %.3f s (mean over %d instances), %s%nwrote %s, report %s%n", best.number(), best.value(), set.size(),
                best.config(), out, report);
        if (holdout != null) compare(engine, limit, parameters, print);
        print.flush();
        return 0;
    }

    private static void measure(Optimizer optimizer, BenchmarkTask task, Trial trial, PrintWriter print) {
        try {
            double v = task.objective().evaluate(trial.config());
            optimizer.tell(trial, v);
            print.printf("trial %d (%s): %.3f s  %s%n", trial.number(), trial.source(), v, trial.config());
        } catch (Exception e) {
            optimizer.tellFailure(trial.number(), e.getMessage());
            print.printf("trial %d (%s): failed: %s%n", trial.number(), trial.source(), e.getMessage());
        }
        print.flush();
    }

    private void compare(Backend engine, Duration limit, SolverParameters tuned, PrintWriter print) {
        SolverTuningObjective held = new SolverTuningObjective(SolverTuningTask.readInstances(holdout), engine, limit);
        List<Double> before = held.scores(SolveOptions.defaults());
        List<Double> after = held.scores(SolveOptions.defaults().withParameters(tuned));
        print.printf("held-out instances (%s): default %s, tuned %s (seconds to proven optimum; %.0f = not proven within the limit)%n",
                holdout, before, after, 2.0 * limit.toSeconds());
    }
}
