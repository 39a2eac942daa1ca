package dev.optagent.library.learn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.agent.AgentResult;
import dev.optagent.agent.prompt.CopiedText;
import dev.optagent.datasets.Problem;
import dev.optagent.library.model.Created;
import dev.optagent.library.model.Evidence;
import dev.optagent.library.model.Example;
import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.LibraryJson;
import dev.optagent.library.model.Outcome;
import dev.optagent.library.model.Rejection;
import dev.optagent.library.model.SeedTaxonomy;
import dev.optagent.library.model.Status;
import dev.optagent.library.model.TaskEvidence;
import dev.optagent.library.model.Taxonomy;
import dev.optagent.library.retrieval.AppliedLessons;
import dev.optagent.library.retrieval.Embedder;
import dev.optagent.library.retrieval.Ranked;
import dev.optagent.library.retrieval.Retriever;
import dev.optagent.library.store.LibraryStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Library learning, AlphaOPT-style but stricter: solve each task K times with the current library; on a failure,
 * diagnose it into a few proposals; keep a proposal only if (1) its own task retrieves it, (2) the task is then solved
 * in at least 2 of 3 re-solves and (3) the earlier-solved tasks that now retrieve it are still solved. A proposal that
 * duplicates an existing insight's label and condition is merged with it, and the merge kept only if it verifies on
 * every source task. Every refusal is recorded with its reason; every acceptance is stored before the task is marked
 * done, so a killed run loses nothing it accepted.
 */
public final class Learner {

    private final LibraryStore store;
    private final TaskSolver solver;
    private final Judge judge;
    private final Diagnoser diagnoser;
    private final LearnConfig config;
    /** Words in a row shared with the task's text that make a proposal a copy (six catches quoted phrases, not shared idioms). */
    static final int COPIED_WORDS = 6;

    private final Budget budget;
    private final Embedder embedder;
    private final LearnJournal journal;
    private final Progress progress;
    private final String createdBy;
    private final SeedTaxonomy seed = SeedTaxonomy.builtIn();
    private final Map<String, Problem> tasks = new LinkedHashMap<>();

    public Learner(LibraryStore store, TaskSolver solver, Judge judge, Diagnoser diagnoser, LearnConfig config, Budget budget,
                   Embedder embedder, LearnJournal journal, Progress progress, String createdBy) {
        this.store = store;
        this.solver = solver;
        this.judge = judge;
        this.diagnoser = diagnoser;
        this.config = config;
        this.budget = budget;
        this.embedder = Embedder.cached(embedder);
        this.journal = journal;
        this.progress = progress;
        this.createdBy = createdBy;
    }

    /** Runs over the tasks not finished yet, one at a time; returns why it stopped (null when every task is finished). */
    public String learn(List<Problem> training) {
        return learn(training, 1);
    }

    /**
     * Runs over the tasks not finished yet with {@code concurrency} tasks in flight (the store serialises the writes);
     * returns why it stopped (null when every task is finished).
     */
    public String learn(List<Problem> training, int concurrency) {
        training.forEach(task -> tasks.put(task.id(), task));
        List<Problem> todo = training.stream().filter(task -> !journal.finished(task.id())).toList();
        if (todo.size() < training.size()) progress.message((training.size() - todo.size()) + " task(s) already finished; resuming with " + todo.size());
        java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger kept = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger rejected = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> stopped = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, concurrency));
        try {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (Problem task : todo) {
                running.add(pool.submit(() -> {
                    if (budget.exhausted()) {
                        if (stopped.compareAndSet(null, budget.why())) progress.message("stopping: " + budget.why() + "; run the same command again to continue");
                        return;
                    }
                    LearnJournal.Entry entry = learnFrom(task);
                    journal.record(entry);
                    int k = kept.addAndGet(entry.accepted().size());
                    int r = rejected.addAndGet(entry.rejected());
                    String verdict = entry.solved() ? "solved " + entry.correct() + "/" + entry.samples()
                            : "failed; kept " + entry.accepted().size() + ", rejected " + entry.rejected();
                    progress.task(finished.incrementAndGet(), todo.size(), task.id(), verdict, k, r, budget.calls());
                }));
            }
            for (java.util.concurrent.Future<?> future : running) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            pool.shutdownNow();
        }
        return stopped.get();
    }

    LearnJournal.Entry learnFrom(Problem task) {
        Budget.Meter meter = budget.meter();
        Library library = store.load();
        List<AgentResult> runs = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        for (int k = 0; k < config.samples(); k++) {
            AgentResult result = solve(task, library, k);
            runs.add(result);
            right.add(judge.correct(task, result.status(), result.objective()));
        }
        recordEvidence(task, library, runs, right);
        int correct = (int) right.stream().filter(b -> b).count();
        List<String> accepted = new ArrayList<>();
        int refused = 0;
        if (correct < runs.size() && !budget.exhausted()) {
            AgentResult failed = runs.get(right.indexOf(false));
            AgentResult good = right.contains(true) ? runs.get(right.indexOf(true)) : null;
            Diagnosis diagnosis = diagnoser.diagnose(task, failed, good, config.maxCandidates());
            if (diagnosis.proposals().isEmpty()) {
                reject(new Rejection(null, "diagnosis", task.id(), null, null, "no general insight proposed: " + diagnosis.rootCause(), today()));
                refused++;
            }
            Set<String> shown = new LinkedHashSet<>();
            runs.forEach(run -> shown.addAll(AppliedLessons.shown(run.trace())));
            for (Proposal proposal : diagnosis.proposals()) {
                if (budget.exhausted()) break;
                Optional<String> kept = consider(task, proposal, shown);
                if (kept.isPresent()) accepted.add(kept.get());
                else refused++;
            }
        }
        return new LearnJournal.Entry(task.id(), runs.size(), correct, accepted, refused, meter.calls(),
                meter.inputTokens(), meter.outputTokens());
    }

    private AgentResult solve(Problem task, Library library, int sample) {
        AgentResult result = solver.solve(task, library, sample);
        if (result.cost() != null) budget.spend(result.cost().llmCalls(), result.cost().inputTokens(), result.cost().outputTokens());
        return result;
    }

    /**
     * Per shown insight, one verdict for this task: helped (shown, applied or not asked, and right), misled (applied and
     * wrong), irrelevant (shown but the model said it did not apply it), invalid (shown, not known to be applied, wrong).
     * An invalid verdict is then put to the test with one more solve without those insights: right without them makes
     * them misled (AlphaOPT's label for "the lesson caused the failure"), wrong without them leaves them invalid. Without
     * that solve a lesson that breaks tasks it is shown for could only ever collect "invalid", which its score ignores.
     */
    private void recordEvidence(Problem task, Library library, List<AgentResult> runs, List<Boolean> right) {
        Map<String, Outcome> verdicts = new LinkedHashMap<>();
        for (int k = 0; k < runs.size(); k++) {
            Optional<Set<String>> applied = AppliedLessons.applied(runs.get(k).trace());
            for (String id : AppliedLessons.shown(runs.get(k).trace())) {
                boolean used = applied.map(ids -> ids.contains(id)).orElse(true);
                Outcome outcome = !used ? Outcome.IRRELEVANT : right.get(k) ? Outcome.HELPED : applied.isPresent() ? Outcome.MISLED : Outcome.INVALID;
                verdicts.merge(id, outcome, Learner::worse);
            }
        }
        if (verdicts.isEmpty()) return;
        String note = right.stream().filter(b -> b).count() + " of " + right.size() + " samples right";
        Map<String, String> notes = new LinkedHashMap<>();
        List<String> invalid = verdicts.entrySet().stream().filter(v -> v.getValue() == Outcome.INVALID).map(Map.Entry::getKey).toList();
        if (!invalid.isEmpty() && !budget.exhausted()) {
            Library without = library;
            for (String id : invalid) without = without.without(id);
            AgentResult plain = solve(task, without, runs.size());
            boolean rightWithout = judge.correct(task, plain.status(), plain.objective());
            for (String id : invalid) {
                if (rightWithout) verdicts.put(id, Outcome.MISLED);
                notes.put(id, note + "; " + (rightWithout ? "right" : "also wrong") + " when re-solved without " + String.join(", ", invalid));
            }
        }
        store.update(current -> {
            Library next = current;
            for (var verdict : verdicts.entrySet()) {
                String why = notes.getOrDefault(verdict.getKey(), note);
                next = next.update(verdict.getKey(), insight -> insight.withEvidence(new TaskEvidence(task.id(), verdict.getValue(), today(), why)));
            }
            return next;
        });
    }

    private static Outcome worse(Outcome a, Outcome b) {
        List<Outcome> order = List.of(Outcome.MISLED, Outcome.INVALID, Outcome.HELPED, Outcome.IRRELEVANT);
        return order.indexOf(a) <= order.indexOf(b) ? a : b;
    }

    /** An insight is reused on unseen problems and may be shipped, so it must be written in its own words. */
    private static boolean copiesItsTask(Problem task, Proposal proposal) {
        CopiedText copied = CopiedText.from(List.of(task.question()), COPIED_WORDS);
        Example example = proposal.example();
        return copied.copies(proposal.condition()) || copied.copies(proposal.explanation())
                || (example != null && (copied.copies(example.wrong()) || copied.copies(example.right())));
    }

    /** Verifies one proposal; returns the id of what was kept (the insight or a merge), empty when refused. */
    Optional<String> consider(Problem task, Proposal proposal, Set<String> shownBefore) {
        Taxonomy taxonomy = seed.normalise(proposal.taxonomy());
        boolean newLabel = !seed.known(taxonomy);
        String id = InsightIds.of(taxonomy, proposal.condition(), proposal.explanation());
        Insight candidate = new Insight(id, 1, List.of(), Status.ACTIVE, null, new Created(today(), config.model(), createdBy), taxonomy,
                proposal.condition(), proposal.explanation(), proposal.example(), Evidence.from(List.of(task.id())));
        if (copiesItsTask(task, proposal)) {
            // Neither the words nor the condition are kept: the rejected list is part of the library file, which must hold no problem text.
            reject(new Rejection(candidate.id(), "candidate", task.id(), candidate.taxonomy(), null,
                    "it copies " + COPIED_WORDS + " or more words in a row from its task's text", today()));
            return Optional.empty();
        }
        Library current = store.load();
        if (current.find(id).isPresent()) return Optional.of(id);
        Optional<Insight> twin = nearest(current, candidate);
        if (twin.isPresent()) {
            if (!shownBefore.contains(twin.get().id())) {
                store.update(library -> library.update(twin.get().id(), insight -> insight.withEvidence(
                        new TaskEvidence(task.id(), Outcome.MISSED, today(), "a near-duplicate insight was learned from this task"))));
            }
            Optional<String> merged = tryMerge(task, twin.get(), candidate);
            if (merged.isPresent()) return merged;
            current = store.load();
        }
        Library trial = current.with(candidate);
        List<Ranked> retrieved = new Retriever(trial, embedder, config.retrieval()).retrieve(taxonomy.stage(), task.question());
        if (retrieved.stream().noneMatch(r -> r.insight().id().equals(id))) {
            return refuse(candidate, task, "not retrieved for its own task (its condition does not match the problem it came from)");
        }
        int solved = verify(task, trial);
        if (solved < config.verifyNeed()) {
            return refuse(candidate, task, "its task was re-solved correctly " + solved + " of " + config.verifySolves()
                    + " times with it (needs " + config.verifyNeed() + ")");
        }
        List<String> checked = new ArrayList<>();
        for (Problem other : checkSet(trial, candidate, task)) {
            if (budget.exhausted()) return refuse(candidate, task, "the budget ran out before the regression check");
            AgentResult again = solve(other, trial, 0);
            if (!judge.correct(other, again.status(), again.objective())) {
                return refuse(candidate, task, "regressed on " + other.id() + ", which was solved before and now retrieves it");
            }
            checked.add(other.id());
        }
        String reason = "verified: " + task.id() + " re-solved correctly " + solved + " of " + config.verifySolves()
                + (checked.isEmpty() ? "; no earlier-solved task retrieves it" : "; no regression on " + String.join(", ", checked));
        Insight kept = candidate.withStatus(config.requireApproval() ? Status.CANDIDATE : Status.ACTIVE,
                        config.requireApproval() ? reason + "; awaiting approval" : reason)
                .withEvidence(new TaskEvidence(task.id(), Outcome.HELPED, today(), "source task, re-solved with it"));
        store.update(library -> (newLabel ? library.withLabel(taxonomy) : library).with(kept));
        return Optional.of(id);
    }

    /** Re-solves until the outcome is decided: stops at {@code verifyNeed} successes or when they can no longer be reached. */
    private int verify(Problem task, Library library) {
        int right = 0;
        for (int k = 0; k < config.verifySolves(); k++) {
            if (right >= config.verifyNeed() || right + (config.verifySolves() - k) < config.verifyNeed()) break;
            AgentResult result = solve(task, library, k + 1);
            if (judge.correct(task, result.status(), result.objective())) right++;
        }
        return right;
    }

    /** Earlier-solved tasks (this run's journal) that now retrieve the candidate, best match first. */
    private List<Problem> checkSet(Library trial, Insight candidate, Problem source) {
        Retriever retriever = new Retriever(trial, embedder, config.retrieval());
        record Scored(Problem task, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (LearnJournal.Entry entry : journal.entries()) {
            Problem other = tasks.get(entry.task());
            if (!entry.solved() || other == null || other.id().equals(source.id())) continue;
            retriever.retrieve(candidate.taxonomy().stage(), other.question()).stream()
                    .filter(r -> r.insight().id().equals(candidate.id())).findFirst()
                    .ifPresent(r -> scored.add(new Scored(other, r.score())));
        }
        scored.sort((a, b) -> Double.compare(b.score(), a.score()));
        return scored.stream().limit(config.checkSetSize()).map(Scored::task).toList();
    }

    private Optional<Insight> nearest(Library library, Insight candidate) {
        float[] mine = embedder.embed(candidate.taxonomy().level2() + ": " + candidate.condition());
        Insight best = null;
        double bestScore = config.mergeSimilarity();
        for (Insight other : library.active()) {
            if (!other.taxonomy().equals(candidate.taxonomy())) continue;
            double similarity = Embedder.cosine(mine, embedder.embed(other.taxonomy().level2() + ": " + other.condition()));
            if (similarity >= bestScore) {
                best = other;
                bestScore = similarity;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Merges a candidate into its near-duplicate; kept only if every source task of both is still solved. */
    private Optional<String> tryMerge(Problem task, Insight twin, Insight candidate) {
        Optional<JsonNode> reply = diagnoser.merge(LibraryJson.writeInsights(List.of(twin)), LibraryJson.writeInsights(List.of(candidate)));
        if (reply.isEmpty()) {
            reject(new Rejection(candidate.id(), "merge", task.id(), candidate.taxonomy(), candidate.condition(),
                    "merge with " + twin.id() + " refused: the merge reply was unusable", today()));
            return Optional.empty();
        }
        JsonNode node = reply.get();
        JsonNode e = node.path("example");
        Example example = e.isObject() ? new Example(e.path("wrong").asText(null), e.path("right").asText(null)) : twin.example();
        Set<String> sources = new LinkedHashSet<>(twin.evidence().sourceTasks());
        sources.add(task.id());
        String condition = node.path("condition").asText();
        String explanation = node.path("explanation").asText();
        String id = InsightIds.of(twin.taxonomy(), condition, explanation);
        Evidence evidence = new Evidence(List.copyOf(sources), twin.evidence().tasks());
        Insight merged = new Insight(id, 1, List.of(twin.id(), candidate.id()), Status.ACTIVE, null,
                new Created(today(), config.model(), "merge"), twin.taxonomy(), condition, explanation, example, evidence);
        Library trial = store.load().without(twin.id()).with(merged);
        for (String source : sources) {
            Problem sourceTask = tasks.get(source);
            String refusal = sourceTask == null ? "its source task " + source + " is not in this training set, so the merge cannot be verified"
                    : budget.exhausted() ? "the budget ran out while verifying it"
                    : verify(sourceTask, trial) < config.verifyNeed() ? "it breaks source task " + source + " (re-solved correctly fewer than "
                    + config.verifyNeed() + " of " + config.verifySolves() + " times)" : null;
            if (refusal != null) {
                reject(new Rejection(id, "merge", task.id(), twin.taxonomy(), condition, "merge of " + twin.id() + " and " + candidate.id()
                        + " refused: " + refusal, today()));
                return Optional.empty();
            }
        }
        Insight kept = merged.withStatus(config.requireApproval() ? Status.CANDIDATE : Status.ACTIVE,
                "merged from " + twin.id() + " and " + candidate.id() + "; verified on every source task " + sources);
        store.update(library -> library.without(twin.id()).with(kept));
        return Optional.of(id);
    }

    private Optional<String> refuse(Insight candidate, Problem task, String reason) {
        reject(new Rejection(candidate.id(), "candidate", task.id(), candidate.taxonomy(), candidate.condition(), reason, today()));
        return Optional.empty();
    }

    private void reject(Rejection rejection) {
        store.update(library -> library.withRejection(rejection));
    }

    private static String today() {
        return LocalDate.now().toString();
    }
}
