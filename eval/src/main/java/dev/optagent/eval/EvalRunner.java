package dev.optagent.eval;

import dev.optagent.datasets.Problem;
import dev.optagent.datasets.Dataset;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.optagent.agent.AgentResult;
import dev.optagent.agent.AgentStatus;
import dev.optagent.agent.trace.StageRecord;
import dev.optagent.solvers.Solution;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a contestant over a dataset with bounded concurrency (virtual threads), a wall-clock budget per
 * problem and an append-only {@code results.jsonl}: each finished problem is one flushed line, so a killed
 * run resumes where it stopped and a finished problem is never paid for twice.
 */
public final class EvalRunner {

    private static final ObjectMapper JSON = JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT).build();

    /** Variable values are kept in results.jsonl for re-scoring only when the model is this small. */
    private static final int MAX_STORED_VALUES = 500;

    private final Contestant contestant;
    private final PrintStream progress;
    private final boolean bar;

    /** Plain progress lines (logs, CI, files). */
    public EvalRunner(Contestant contestant, PrintStream progress) {
        this(contestant, progress, false);
    }

    /** @param bar redraw one progress bar line instead of printing a line per problem (for a terminal) */
    public EvalRunner(Contestant contestant, PrintStream progress, boolean bar) {
        this.contestant = contestant;
        this.progress = progress;
        this.bar = bar;
    }

    public List<ProblemResult> run(Dataset dataset, EvalOptions options) {
        Path results = options.out().resolve("results.jsonl");
        Map<String, ProblemResult> done = ResultsFile.read(results);
        List<Problem> selected = select(dataset, options);
        dataset.errors().forEach(error -> progress.println("skipped: " + error));
        if (selected.isEmpty()) {
            throw new EvalException(dataset.name() + ": no problem to run (" + dataset.problems().size() + " read, "
                    + dataset.errors().size() + " line(s) skipped" + (dataset.problems().isEmpty() ? "" : ", none selected by --ids/--shard/--limit") + ")");
        }
        // A problem the model never answered (provider error, time-out) is asked again; its old line is superseded.
        List<Problem> todo = selected.stream().filter(p -> !done.containsKey(p.id()) || done.get(p.id()).awaitingAnswer()).toList();
        long retried = todo.stream().filter(p -> done.containsKey(p.id())).count();
        progress.printf("%s: %d problems selected, %d already done, %d to run%s (concurrency %d)%n", dataset.name(), selected.size(),
                selected.size() - todo.size(), todo.size(), retried == 0 ? "" : ", " + retried + " of them again after no answer from the model",
                options.concurrency());
        try {
            Files.createDirectories(options.out().resolve("traces"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ProblemResult> fresh = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger finished = new AtomicInteger();
        long start = System.nanoTime();
        Semaphore slots = new Semaphore(options.concurrency());
        try (BufferedWriter writer = Files.newBufferedWriter(results, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (Problem problem : todo) {
                slots.acquireUninterruptibly();
                futures.add(pool.submit(() -> {
                    try {
                        ProblemResult result = solve(problem, options);
                        synchronized (writer) {
                            writer.write(JSON.writeValueAsString(result));
                            writer.newLine();
                            writer.flush();
                        }
                        fresh.add(result);
                        report(finished.incrementAndGet(), todo.size(), start, result);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) future.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("evaluation stopped: " + e.getMessage(), e);
        }
        Map<String, ProblemResult> all = new LinkedHashMap<>(done);
        fresh.forEach(r -> all.put(r.id(), r));
        return selected.stream().map(p -> all.get(p.id())).filter(java.util.Objects::nonNull).toList();
    }

    /** Deterministic selection: ids filter, then the shard (by position), then the limit. */
    static List<Problem> select(Dataset dataset, EvalOptions options) {
        List<Problem> selected = new ArrayList<>();
        int position = 0;
        for (Problem problem : dataset.problems()) {
            if (!options.ids().isEmpty() && !options.ids().contains(problem.id())) continue;
            if (position++ % options.shards() != options.shard()) continue;
            selected.add(problem);
            if (options.limit() > 0 && selected.size() >= options.limit()) break;
        }
        return selected;
    }

    private ProblemResult solve(Problem problem, EvalOptions options) {
        long start = System.nanoTime();
        AgentResult result;
        try (ExecutorService single = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<AgentResult> future = single.submit(() -> contestant.answer(problem));
            try {
                result = future.get(options.problemBudget().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                return ProblemResult.unanswered(problem, FailureCategory.TIMEOUT, millisSince(start),
                        "no answer within " + options.problemBudget().toSeconds() + " s");
            } catch (Exception e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return ProblemResult.unanswered(problem, FailureCategory.SOLVER_ERROR, millisSince(start), String.valueOf(cause.getMessage()));
            }
        }
        String traceFile = writeTrace(options.out(), problem.id(), result);
        Map<String, Solution> scenarios = result.solution() == null ? Map.of() : result.solution().scenarios();
        Solution named = problem.scenario() == null ? null : scenarios.get(problem.scenario());
        // the record names the scenario its gold answer belongs to: that scenario's answer is scored
        AgentStatus status = named == null ? result.status() : statusOf(named);
        Double objective = named == null ? result.objective() : named.objective();
        boolean strict = Scoring.correct(problem.answer(), status, objective, Scoring.STRICT);
        boolean lenient = Scoring.correct(problem.answer(), status, objective, Scoring.LENIENT);
        Map<String, Double> values = result.solution() == null || result.solution().variables().size() > MAX_STORED_VALUES
                ? null : result.solution().variables();
        Boolean optiBench = problem.variables().isEmpty() ? null
                : Scoring.correctOptiBench(problem, status, objective, values);
        int repairs = (int) result.trace().stream().filter(r -> r.stage().equals("repair")).count();
        Map<String, Double> scenarioObjectives = null;
        if (!scenarios.isEmpty()) {
            scenarioObjectives = new java.util.LinkedHashMap<>();
            for (var entry : scenarios.entrySet()) scenarioObjectives.put(entry.getKey(), entry.getValue().objective());
        }
        return new ProblemResult(problem.id(), problem.benchmark(), problem.type(), problem.hasTable(), status,
                objective, problem.answer(), strict, lenient, optiBench,
                strict ? FailureCategory.NONE : category(status), repairs, result.cost().llmCalls(),
                result.cost().inputTokens(), result.cost().outputTokens(), millisSince(start), result.message(), result.confidence(),
                result.formulation() == null ? null : result.formulation().assumptions().size(), values, traceFile, scenarioObjectives);
    }

    /** A scenario's own outcome in the agent's terms (time limits and errors are solver errors). */
    private static AgentStatus statusOf(Solution scenario) {
        return switch (scenario.status()) {
            case OPTIMAL -> AgentStatus.OPTIMAL;
            case FEASIBLE -> AgentStatus.FEASIBLE;
            case INFEASIBLE -> AgentStatus.INFEASIBLE;
            case UNBOUNDED -> AgentStatus.UNBOUNDED;
            case TIME_LIMIT, ERROR -> AgentStatus.SOLVER_ERROR;
        };
    }

    private static FailureCategory category(AgentStatus status) {
        return switch (status) {
            case OPTIMAL, FEASIBLE -> FailureCategory.WRONG_VALUE;
            case INFEASIBLE -> FailureCategory.INFEASIBLE;
            case UNBOUNDED -> FailureCategory.UNBOUNDED;
            case NO_FORMULATION -> FailureCategory.NO_FORMULATION;
            case INVALID_FORMULATION -> FailureCategory.INVALID_FORMULATION;
            case SOLVER_ERROR -> FailureCategory.SOLVER_ERROR;
            case PROVIDER_ERROR -> FailureCategory.PROVIDER_ERROR;
        };
    }

    private static String writeTrace(Path out, String id, AgentResult result) {
        String name = id.replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
        try {
            Map<String, Object> trace = new LinkedHashMap<>();
            trace.put("id", id);
            trace.put("status", result.status());
            trace.put("objective", result.objective());
            trace.put("formulation", result.formulation());
            List<StageRecord> records = result.trace();
            trace.put("trace", records);
            Files.writeString(out.resolve("traces").resolve(name), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(trace));
            return name;
        } catch (IOException e) {
            return null;
        }
    }

    private void report(int finished, int total, long start, ProblemResult result) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        double rate = finished / Math.max(elapsed, 1e-9);
        double eta = (total - finished) / Math.max(rate, 1e-9);
        String verdict = result.correctStrict() ? "correct" : result.correctLenient() ? "within 5%" : "wrong";
        synchronized (progress) {
            if (bar) {
                int width = 30;
                int filled = total == 0 ? width : finished * width / total;
                progress.printf("\r[%s%s] %d/%d %3d%%  %.2f/min  ETA %-7s last: %s %s\u001b[K", "#".repeat(filled), ".".repeat(width - filled),
                        finished, total, total == 0 ? 100 : finished * 100 / total, rate * 60, duration(eta), result.id(), verdict);
                if (finished == total) progress.println();
            } else {
                progress.printf("[%d/%d] %-24s %-15s %s  (%.2f/min, ETA %s)%n", finished, total, result.id(),
                        result.status() == null ? result.failure() : result.status(), verdict, rate * 60, duration(eta));
            }
            progress.flush();
        }
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? (s / 3600) + "h" + (s % 3600 / 60) + "m" : s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
