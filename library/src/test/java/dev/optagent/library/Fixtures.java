package dev.optagent.library;

import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.OptAgent;
import dev.optagent.datasets.Problem;
import dev.optagent.library.learn.Budget;
import dev.optagent.library.learn.Diagnoser;
import dev.optagent.library.learn.Judge;
import dev.optagent.library.learn.LearnConfig;
import dev.optagent.library.learn.LearnJournal;
import dev.optagent.library.learn.Learner;
import dev.optagent.library.learn.Progress;
import dev.optagent.library.learn.TaskSolver;
import dev.optagent.library.model.Created;
import dev.optagent.library.model.Evidence;
import dev.optagent.library.model.Example;
import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Status;
import dev.optagent.library.model.Taxonomy;
import dev.optagent.library.retrieval.Embedder;
import dev.optagent.library.retrieval.LibraryInsightSource;
import dev.optagent.library.retrieval.RetrievalConfig;
import dev.optagent.library.store.LibraryStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Problems, replies and wiring written for the library's tests (not benchmark text). */
public final class Fixtures {

    private Fixtures() {
    }

    /** Gold 1900: make 30 chairs and 20 tables. */
    public static String workshop(String name) {
        return "The " + name + " workshop makes chairs and tables. Each chair needs 2 hours of carpentry and 1 hour of finishing; each"
                + " table needs 3 hours of carpentry and 2 hours of finishing. There are 120 carpentry hours and 70 finishing hours."
                + " A chair earns $30 profit and a table $50. How many chairs and tables maximize the profit per item made?";
    }

    public static Problem task(String id, String name) {
        return new Problem(id, workshop(name), 1900.0, null, null);
    }

    public static String formulation(int tableProfit) {
        return """
                ```json
                {"name": "workshop",
                 "sets": [{"name": "Products", "elements": ["chair", "table"]}, {"name": "Shops", "elements": ["carpentry", "finishing"]}],
                 "parameters": [
                   {"name": "hours", "index": ["Shops", "Products"], "values": [[2, 3], [1, 2]]},
                   {"name": "available", "index": ["Shops"], "values": [120, 70]},
                   {"name": "profit", "index": ["Products"], "values": [30, %d]}],
                 "variables": [{"name": "make", "index": ["Products"], "type": "integer"}],
                 "objective": {"sense": "maximize", "expression": "sum(profit[p] * make[p] for p in Products)"},
                 "constraints": [{"name": "capacity", "for": "s in Shops", "expression": "sum(hours[s, p] * make[p] for p in Products) <= available[s]"}]}
                ```
                """.formatted(tableProfit);
    }

    public static final String RIGHT = formulation(50);
    /** Reads the table's profit as 25 (per half table): objective 1750 + ..., not 1900. */
    public static final String WRONG = formulation(25);

    public static final String LESSON = "Read each profit figure as stated per item; never rescale a per-item profit.";

    public static String diagnosis(String condition, String explanation) {
        return """
                ```json
                {"rootCause": "the table's profit was rescaled",
                 "insights": [{"taxonomy": {"stage": "formulate", "level1": "general formulation", "level2": "units and scaling"},
                   "condition": "%s", "explanation": "%s",
                   "example": {"wrong": "{\\"name\\": \\"profit\\", \\"values\\": [30, 25]}", "right": "{\\"name\\": \\"profit\\", \\"values\\": [30, 50]}"}}]}
                ```
                """.formatted(condition, explanation);
    }

    public static final String CONDITION = "This applies when a workshop makes chairs and tables and states a profit per item, e.g. 'a table $50'."
            + " It does not apply when profits are given per batch.";

    public static boolean isDiagnosis(String system, String user) {
        return system.contains("reviews a modeling assistant's mistakes");
    }

    public static boolean isFormulate(String system, String user) {
        return user.startsWith("Problem:") && !isDiagnosis(system, user) && !system.contains("Merge the two lessons");
    }

    public static Judge strict() {
        return (task, status, objective) -> task.answer() == null ? status.name().equals("INFEASIBLE")
                : objective != null && Math.abs(objective - task.answer()) <= 1e-6 * Math.max(1, Math.abs(task.answer()));
    }

    /** The agent with the library's insight source, as the app wires it. */
    public static TaskSolver solver(dev.langchain4j.model.chat.ChatModel model, Embedder embedder) {
        return (task, library, sample) -> OptAgent.builder().chatModel(model)
                .config(AgentConfig.defaults().withRetries(1, Duration.ZERO, Duration.ofSeconds(30)))
                .insights(LibraryInsightSource.of(library, embedder, RetrievalConfig.defaults(), false)).build()
                .solve(task.question());
    }

    public static Learner learner(LibraryStore store, dev.langchain4j.model.chat.ChatModel model, Path journal, Budget budget) {
        Embedder embedder = Embedder.miniLm();
        Diagnoser diagnoser = new Diagnoser(new dev.optagent.agent.llm.LlmClient(model, 1, Duration.ZERO, Duration.ofSeconds(30)), budget);
        return new Learner(store, solver(model, embedder), strict(), diagnoser, LearnConfig.defaults("scripted"), budget, embedder,
                new LearnJournal(journal), Progress.silent(), "learn");
    }

    public static Insight insight(String id, String level2, String condition, String explanation, List<String> sources) {
        return new Insight(id, 1, List.of(), Status.ACTIVE, "test", new Created("2026-01-01", "person", "test"),
                new Taxonomy("formulate", "general formulation", level2), condition, explanation, new Example("a", "b"), Evidence.from(sources));
    }
}
