package dev.optagent.eval;

import dev.optagent.datasets.Problem;
import dev.optagent.datasets.Dataset;
import dev.optagent.datasets.DatasetReader;
import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.AgentResult;
import dev.optagent.agent.AgentStatus;
import dev.optagent.agent.OptAgent;
import dev.optagent.agent.llm.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalRunnerTest {

    @TempDir
    Path dir;

    /** A reply whose objective is the problem's number: "maximize x with x <= N" answers N. */
    private static String reply(int bound) {
        return """
                ```json
                {"parameters": [{"name": "cap", "value": %d}], "variables": [{"name": "x"}],
                 "objective": {"sense": "maximize", "expression": "x"}, "constraints": [{"name": "limit", "expression": "x <= cap"}]}
                ```""".formatted(bound);
    }

    private Path dataset(String... lines) throws IOException {
        Path file = dir.resolve("mini.jsonl");
        Files.write(file, List.of(lines));
        return file;
    }

    private static String line(String id, int bound, Integer gold) {
        return "{\"id\": \"" + id + "\", \"question\": \"Maximize x where x is at most " + bound + ".\", \"answer\": " + gold + "}";
    }

    /** The real agent with a scripted model that answers from the number in the question. */
    private static Contestant scriptedAgent(AtomicInteger calls) {
        return problem -> {
            calls.incrementAndGet();
            int bound = Integer.parseInt(problem.question().replaceAll("\\D+", " ").trim().split(" ")[0]);
            ScriptedChatModel model = ScriptedChatModel.of(reply(bound));
            return OptAgent.builder().chatModel(model).config(AgentConfig.defaults().withRetries(1, Duration.ZERO, Duration.ofSeconds(10)))
                    .build().solve(problem.question());
        };
    }

    private static EvalOptions options(Path out) {
        return new EvalOptions(out, 0, Set.of(), 3, Duration.ofSeconds(60), 0, 1);
    }

    @Test
    void scoresAndReportsAndMalformedLinesAreNamedButSkipped() throws IOException {
        Path file = dataset(line("p1", 5, 5), line("p2", 7, 8), "{not json", line("p3", 2, 2), "{\"id\": \"p4\"}");
        Dataset data = DatasetReader.read(file);
        assertEquals(3, data.problems().size());
        assertEquals(2, data.errors().size());
        assertTrue(data.errors().get(0).startsWith(file + ":3: "), data.errors().toString());
        assertTrue(data.errors().get(1).contains(":5: a problem needs \"id\" and \"question\""), data.errors().toString());

        Path out = dir.resolve("run");
        List<ProblemResult> results = new EvalRunner(scriptedAgent(new AtomicInteger()), quiet()).run(data, options(out));
        Summary summary = Reports.write(out, data.name(), "scripted", results);
        assertEquals(3, summary.count());
        assertEquals(2, summary.correct().get("strict"));
        assertEquals(2.0 / 3, summary.accuracy().get("strict"), 1e-12);
        // 7 against 8 is off by 12.5%: wrong under both rules.
        assertEquals(2, summary.correct().get("lenient"));
        assertEquals(1, summary.failures().get("WRONG_VALUE"));
        assertTrue(Files.readString(out.resolve("summary.md")).contains("| p2 |"));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<a href=\"traces/p1.json\">trace</a>"), html);
        assertTrue(html.contains("66.7%"), html);
        assertFalse(html.contains("<script"), "self-contained, no scripts");
        assertTrue(Files.exists(out.resolve("traces").resolve("p1.json")));
    }

    @Test
    void resumeAfterAKillRunsOnlyWhatIsMissing() throws IOException {
        Path file = dataset(line("a", 1, 1), line("b", 2, 2), line("c", 3, 3), line("d", 4, 4));
        Path out = dir.resolve("run");
        AtomicInteger calls = new AtomicInteger();
        new EvalRunner(scriptedAgent(calls), quiet()).run(DatasetReader.read(file), new EvalOptions(out, 2, Set.of(), 1, Duration.ofSeconds(60), 0, 1));
        assertEquals(2, calls.get());
        // A kill in the middle of a write leaves a torn line; that problem must run again.
        Files.writeString(out.resolve("results.jsonl"), "{\"id\": \"c\", \"sta", java.nio.file.StandardOpenOption.APPEND);
        List<ProblemResult> all = new EvalRunner(scriptedAgent(calls), quiet()).run(DatasetReader.read(file), options(out));
        assertEquals(4, calls.get());
        assertEquals(List.of("a", "b", "c", "d"), all.stream().map(ProblemResult::id).toList());
        assertTrue(all.stream().allMatch(ProblemResult::correctStrict));
    }

    @Test
    void aProviderFailureInTheMiddleIsRecordedAndTheRunGoesOn() throws IOException {
        Path file = dataset(line("a", 1, 1), line("b", 2, 2), line("c", 3, 3));
        Contestant flaky = problem -> problem.id().equals("b")
                ? OptAgent.builder().chatModel(new ScriptedChatModel().fail(() -> new dev.langchain4j.exception.InternalServerException("502")))
                        .config(AgentConfig.defaults().withRetries(1, Duration.ZERO, Duration.ofSeconds(5))).build().solve(problem.question())
                : scriptedAgent(new AtomicInteger()).answer(problem);
        List<ProblemResult> results = new EvalRunner(flaky, quiet()).run(DatasetReader.read(file), options(dir.resolve("run")));
        ProblemResult b = results.get(1);
        assertEquals(AgentStatus.PROVIDER_ERROR, b.status());
        assertEquals(FailureCategory.PROVIDER_ERROR, b.failure());
        assertTrue(results.get(2).correctStrict());
    }

    @Test
    void aResumedRunAsksAgainWhatTheModelNeverAnsweredAndCountsItApartUntilThen() throws IOException {
        Path file = dataset(line("a", 1, 1), line("b", 2, 2), line("c", 3, 3));
        Path out = dir.resolve("run");
        Contestant outage = problem -> OptAgent.builder()
                .chatModel(new ScriptedChatModel().fail(() -> new dev.langchain4j.exception.InternalServerException("500")))
                .config(AgentConfig.defaults().withRetries(1, Duration.ZERO, Duration.ofSeconds(5))).build().solve(problem.question());
        Contestant halfDown = problem -> problem.id().equals("a") ? scriptedAgent(new AtomicInteger()).answer(problem) : outage.answer(problem);
        Summary during = Summary.of("d", "m", new EvalRunner(halfDown, quiet()).run(DatasetReader.read(file), options(out)));
        assertEquals(2, during.unanswered());
        assertEquals(1, during.correct().get("strict"));

        AtomicInteger calls = new AtomicInteger();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<ProblemResult> after = new EvalRunner(scriptedAgent(calls), new PrintStream(log)).run(DatasetReader.read(file), options(out));
        assertEquals(2, calls.get(), "only b and c are asked again");
        assertTrue(log.toString().contains("1 already done, 2 to run, 2 of them again"), log.toString());
        Summary summary = Summary.of("d", "m", after);
        assertEquals(0, summary.unanswered());
        assertEquals(3, summary.correct().get("strict"));
        assertEquals(3, ResultsFile.read(out.resolve("results.jsonl")).size(), "the newer line supersedes the outage");
    }

    @Test
    void aLockedOutputDirectoryIsRefusedNamingTheHolderAndFreedOnClose() {
        Path out = dir.resolve("locked");
        try (OutputLock held = OutputLock.acquire(out)) {
            EvalException refused = org.junit.jupiter.api.Assertions.assertThrows(EvalException.class, () -> OutputLock.acquire(out));
            assertTrue(refused.getMessage().contains("in use by another eval run (pid " + ProcessHandle.current().pid()), refused.getMessage());
        }
        OutputLock.acquire(out).close(); // free again
    }

    @Test
    void anEmptyOrFullySkippedDatasetIsAnErrorNotAnEmptyScore() throws IOException {
        Dataset data = DatasetReader.read(dataset("{not json", "{\"id\": \"x\"}"));
        EvalException e = org.junit.jupiter.api.Assertions.assertThrows(EvalException.class,
                () -> new EvalRunner(scriptedAgent(new AtomicInteger()), quiet()).run(data, options(dir.resolve("none"))));
        assertTrue(e.getMessage().contains("no problem to run (0 read, 2 line(s) skipped)"), e.getMessage());
    }

    @Test
    void infeasibleGoldMatchesOnlyAnInfeasibleConclusion() {
        assertTrue(Scoring.correct(null, AgentStatus.INFEASIBLE, null, Scoring.STRICT));
        assertTrue(Scoring.correct(null, AgentStatus.UNBOUNDED, null, Scoring.STRICT));
        assertFalse(Scoring.correct(null, AgentStatus.OPTIMAL, 0.0, Scoring.STRICT));
        assertFalse(Scoring.correct(0.0, AgentStatus.INFEASIBLE, null, Scoring.LENIENT));
        assertTrue(Scoring.correct(100.0, AgentStatus.OPTIMAL, 100.00005, Scoring.STRICT));
        assertFalse(Scoring.correct(100.0, AgentStatus.OPTIMAL, 100.001, Scoring.STRICT));
        assertTrue(Scoring.correct(100.0, AgentStatus.OPTIMAL, 104.9, Scoring.LENIENT));
        assertTrue(Scoring.correct(0.0, AgentStatus.OPTIMAL, 5e-7, Scoring.STRICT));
        // No "min and max swapped" retry: the wrong sign stays wrong.
        assertFalse(Scoring.correct(-50.0, AgentStatus.OPTIMAL, 50.0, Scoring.LENIENT));
    }

    @Test
    void shardsPartitionTheDatasetDeterministically() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < 23; k++) lines.add(line("q" + k, k, k));
        Dataset data = DatasetReader.read(dataset(lines.toArray(String[]::new)));
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int i = 0; i < 4; i++) {
            List<Problem> shard = EvalRunner.select(data, new EvalOptions(dir, 0, Set.of(), 1, Duration.ofSeconds(1), i, 4));
            total += shard.size();
            shard.forEach(p -> assertTrue(seen.add(p.id()), "in two shards: " + p.id()));
            assertEquals(shard, EvalRunner.select(data, new EvalOptions(dir, 0, Set.of(), 1, Duration.ofSeconds(1), i, 4)));
        }
        assertEquals(23, total);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }

    @Test
    void shardRunsMergeIntoTheSameResultAsOneRun() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int k = 1; k <= 7; k++) lines.add(line("m" + k, k, k % 3 == 0 ? k + 1 : k));
        Dataset data = DatasetReader.read(dataset(lines.toArray(String[]::new)));
        Summary whole = Summary.of("d", "m", new EvalRunner(scriptedAgent(new AtomicInteger()), quiet()).run(data, options(dir.resolve("whole"))));
        List<Path> shardDirs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path shardDir = dir.resolve("shard" + i);
            new EvalRunner(scriptedAgent(new AtomicInteger()), quiet()).run(data, new EvalOptions(shardDir, 0, Set.of(), 2, Duration.ofSeconds(60), i, 3));
            shardDirs.add(shardDir);
        }
        Summary merged = Summary.of("d", "m", RunMerge.merge(shardDirs, dir.resolve("merged")));
        assertEquals(whole.count(), merged.count());
        assertEquals(whole.correct(), merged.correct());
        assertEquals(whole.failures(), merged.failures());
        assertEquals(7, ResultsFile.read(dir.resolve("merged").resolve("results.jsonl")).size());

        RunComparison same = RunComparison.of(ResultsFile.read(dir.resolve("whole").resolve("results.jsonl")),
                ResultsFile.read(dir.resolve("merged").resolve("results.jsonl")));
        assertEquals(7, same.common());
        assertTrue(same.fixed().isEmpty() && same.broken().isEmpty());
    }
}
