package dev.optagent.library.refine;

import dev.optagent.datasets.Problem;
import dev.optagent.library.learn.Diagnoser;
import dev.optagent.library.model.Created;
import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.LibraryJson;
import dev.optagent.library.model.Outcome;
import dev.optagent.library.model.Status;
import dev.optagent.library.retrieval.Embedder;
import dev.optagent.library.retrieval.RetrievalConfig;
import dev.optagent.library.retrieval.Retriever;
import dev.optagent.library.store.LibraryStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Library evolution from evidence. An insight that misled gets its condition narrowed, one that was missed where it
 * would have helped gets it widened: the model writes a few rewrites, each is scored by replaying retrieval on the
 * labelled tasks (shown where it helped or was missed, not shown where it misled), and a rewrite is kept only if the
 * score rises. Insights whose evidence is net negative are retired (kept in history, never retrieved).
 */
public final class Refiner {

    /** What one refinement pass changed. */
    public record Result(List<String> rewritten, List<String> retired, List<String> unchanged) {
    }

    private final LibraryStore store;
    private final Diagnoser diagnoser;
    private final Embedder embedder;
    private final RetrievalConfig retrieval;
    private final int variants;
    private final String model;

    public Refiner(LibraryStore store, Diagnoser diagnoser, Embedder embedder, RetrievalConfig retrieval, int variants, String model) {
        this.store = store;
        this.diagnoser = diagnoser;
        this.embedder = embedder;
        this.retrieval = retrieval;
        this.variants = variants;
        this.model = model;
    }

    /** Net negative: it misled more often than it helped, at least twice. */
    public static boolean netNegative(Insight insight) {
        return insight.evidence().score() < 0 && insight.evidence().count(Outcome.MISLED) >= 2;
    }

    public Result refine(List<Problem> labelledTasks) {
        Map<String, Problem> tasks = labelledTasks.stream().collect(Collectors.toMap(Problem::id, Function.identity(), (a, b) -> a));
        List<String> rewritten = new ArrayList<>();
        List<String> retired = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Insight insight : store.load().active()) {
            if (netNegative(insight)) {
                store.update(library -> library.update(insight.id(), i -> i.withStatus(Status.RETIRED, "retired " + LocalDate.now()
                        + ": net negative evidence (helped " + i.evidence().count(Outcome.HELPED) + ", misled " + i.evidence().count(Outcome.MISLED) + ")")));
                retired.add(insight.id());
                continue;
            }
            boolean misled = insight.evidence().count(Outcome.MISLED) > 0;
            boolean missed = insight.evidence().count(Outcome.MISSED) > 0;
            if (diagnoser == null || !(misled || missed)) {
                unchanged.add(insight.id());
                continue;
            }
            Library library = store.load();
            double before = score(library, insight, tasks);
            String best = null;
            double bestScore = before;
            for (String condition : diagnoser.rewrites(LibraryJson.writeInsights(List.of(insight)), summaries(insight, tasks, true),
                    summaries(insight, tasks, false), variants)) {
                Insight variant = insight.withCondition(condition, new Created(LocalDate.now().toString(), model, "refine"));
                double score = score(library.with(variant), variant, tasks);
                if (score > bestScore) {
                    best = condition;
                    bestScore = score;
                }
            }
            if (best == null) {
                unchanged.add(insight.id());
                continue;
            }
            String chosen = best;
            double gain = bestScore;
            store.update(l -> l.update(insight.id(), i -> i.withCondition(chosen, new Created(LocalDate.now().toString(), model, "refine"))
                    .withStatus(Status.ACTIVE, String.format(java.util.Locale.ROOT, "condition refined: retrieval replay %.2f -> %.2f", before, gain))));
            rewritten.add(insight.id());
        }
        return new Result(rewritten, retired, unchanged);
    }

    /**
     * Retrieval replayed on the insight's labelled tasks: the share of them where it is shown when it helped or was
     * missed, and not shown when it misled.
     */
    public double score(Library library, Insight insight, Map<String, Problem> tasks) {
        Retriever retriever = new Retriever(library, embedder, retrieval);
        int labelled = 0;
        int agreed = 0;
        for (var verdict : insight.evidence().tasks()) {
            Problem task = tasks.get(verdict.task());
            if (task == null) continue;
            boolean wanted = verdict.outcome() == Outcome.HELPED || verdict.outcome() == Outcome.MISSED;
            boolean unwanted = verdict.outcome() == Outcome.MISLED;
            if (!wanted && !unwanted) continue;
            labelled++;
            boolean shown = retriever.retrieve(insight.taxonomy().stage(), task.question()).stream().anyMatch(r -> r.insight().id().equals(insight.id()));
            if (shown == wanted) agreed++;
        }
        return labelled == 0 ? 0 : (double) agreed / labelled;
    }

    private static String summaries(Insight insight, Map<String, Problem> tasks, boolean positive) {
        StringBuilder text = new StringBuilder();
        for (var verdict : insight.evidence().tasks()) {
            boolean isPositive = verdict.outcome() == Outcome.HELPED || verdict.outcome() == Outcome.MISSED;
            boolean isNegative = verdict.outcome() == Outcome.MISLED;
            if (positive ? !isPositive : !isNegative) continue;
            Problem task = tasks.get(verdict.task());
            if (task == null) continue;
            String question = task.question().strip();
            text.append("- ").append(question, 0, Math.min(300, question.length())).append('\n');
        }
        return text.isEmpty() ? "(none)" : text.toString().strip();
    }
}
