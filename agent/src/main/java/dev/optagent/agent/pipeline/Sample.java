package dev.optagent.agent.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.agent.AgentStatus;
import dev.optagent.agent.StageKnobs;
import dev.optagent.agent.check.Finding;
import dev.optagent.agent.llm.JsonReply;
import dev.optagent.agent.llm.LlmExchange;
import dev.optagent.agent.trace.StageRecord;
import dev.optagent.solvers.Solution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One sample of the pipeline: formulate (optionally after a separate understand call), then check, solve
 * and repair for a bounded number of rounds. Keeps the best verified answer; concludes INFEASIBLE or
 * UNBOUNDED only on a proof from the solver, never by "repairing" a faithful model into another problem.
 */
final class Sample {

    private final RunContext context;
    private final int attempt;
    private final double temperature;
    private final Checker checker;

    Sample(RunContext context, int attempt, double temperature) {
        this.context = context;
        this.attempt = attempt;
        this.temperature = temperature;
        this.checker = new Checker(context);
    }

    SampleOutcome run() {
        String reply = firstFormulation();
        SampleOutcome best = null;
        Evaluation last = null;
        boolean askedAboutZeros = false;
        int rounds = context.config.repairRounds();
        for (int round = 0; round <= rounds; round++) {
            Evaluation evaluation = check(reply, round);
            last = evaluation;
            List<Finding> feedback = new ArrayList<>(evaluation.findings());
            if (evaluation.blockedByChecks()) {
                // An error by the workflow's policy: no answer from this model, a repair instead.
            } else if (evaluation.answered()) {
                best = outcome(evaluation);
                boolean zeros = evaluation.allZero() && !askedAboutZeros;
                boolean warnings = context.config.repairOnWarnings() && evaluation.hasSuspicions();
                if (!zeros && !warnings) return best;
                if (zeros) {
                    askedAboutZeros = true;
                    // Worded so that a faithful model stays as it is: in a real run the model turned the text's
                    // "at most 225 visitors" into "at least" to escape a correct zero (optibench-105).
                    feedback.add(Finding.blocking("all-zero", "the optimal solution sets every decision (and the objective) to zero."
                            + " Compare the model with the text: a constraint reversed by mistake, a missing requirement or a wrong"
                            + " objective direction would explain it. Keep every constraint as the text states it, though: if the"
                            + " text as written makes doing nothing optimal, return the same formulation unchanged."));
                }
            }
            if (round == rounds) break;
            LlmExchange repair = repair(evaluation, feedback, round + 1);
            Optional<JsonNode> verdict = JsonReply.extract(repair.reply()).filter(node -> node.has("verdict"));
            if (verdict.isPresent() && evaluation.provedNoOptimum()) {
                record("verdict", round + 1, null, null, verdict.get().toString(), List.of(), 0);
                return conclusion(evaluation, "the model confirmed: " + verdict.get().path("reason").asText(""));
            }
            reply = repair.reply();
        }
        if (best != null) return best;
        if (last != null && last.provedNoOptimum()) {
            return conclusion(last, "every repair round still proved the model " + last.solution().status().name().toLowerCase()
                    + "; the problem as stated has no optimal solution");
        }
        AgentStatus status = last == null || last.json() == null ? AgentStatus.NO_FORMULATION
                : last.formulation() == null ? AgentStatus.INVALID_FORMULATION : AgentStatus.SOLVER_ERROR;
        return new SampleOutcome(attempt, status,
                last == null ? null : last.formulation(), last == null ? null : last.solution(),
                "no verified answer after " + rounds + " repair rounds; last findings: "
                        + (last == null ? "none" : last.findings().stream().filter(Finding::blocking).map(Finding::message).limit(3).toList()));
    }

    private String firstFormulation() {
        if (context.revision != null) {
            return call("revise", 0, context.config.revise(), Map.of("problem", context.problem,
                    "formulation", dev.optagent.formulation.FormulationJson.write(context.revision.current()),
                    "request", context.revision.request())).reply();
        }
        if (!context.config.understandSeparately()) {
            LlmExchange exchange = call("formulate", 0, context.config.formulate(), Map.of("problem", context.problem));
            return exchange.reply();
        }
        LlmExchange notes = call("understand", 0, context.config.understand(), Map.of("problem", context.problem));
        LlmExchange exchange = call("formulate", 0, context.config.formulateFromNotes(),
                Map.of("problem", context.problem, "understanding", notes.reply()));
        return exchange.reply();
    }

    private LlmExchange repair(Evaluation evaluation, List<Finding> feedback, int round) {
        StringBuilder findings = new StringBuilder();
        for (int k = 0; k < feedback.size(); k++) findings.append(k + 1).append(". ").append(feedback.get(k)).append('\n');
        String formulation = evaluation.json() != null ? evaluation.json() : "(no JSON formulation could be read from the previous reply)";
        return call("repair", round, context.config.repair(),
                Map.of("problem", context.problem, "formulation", formulation, "feedback", findings.toString().strip()));
    }

    private LlmExchange call(String stage, int round, StageKnobs knobs, Map<String, String> values) {
        double t = attempt == 0 ? knobs.temperature() : temperature;
        return context.call(stage, attempt, round, knobs, t, values);
    }

    private Evaluation check(String reply, int round) {
        context.event("check", "started", attempt, round, "checking and solving the formulation");
        long start = System.nanoTime();
        Evaluation evaluation = checker.evaluate(reply);
        long millis = (System.nanoTime() - start) / 1_000_000;
        context.addMillis("check+solve", millis);
        Solution solution = evaluation.solution();
        String summary = solution == null
                ? evaluation.findings().stream().filter(Finding::blocking).count() + " blocking finding(s)"
                : solution.status() + (solution.objective() == null ? "" : " " + solution.objective()) + " (" + solution.backend() + ")";
        record("check", round, evaluation.json(), solution == null ? null : summaryJson(solution),
                null, evaluation.findings().stream().map(Finding::toString).toList(), millis);
        context.event("solve", "finished", attempt, round, summary);
        return evaluation;
    }

    private static String summaryJson(Solution solution) {
        return "{\"status\": \"" + solution.status() + "\", \"objective\": " + solution.objective() + ", \"class\": \""
                + solution.problemClass() + "\", \"backend\": \"" + solution.backend() + "\"}";
    }

    private void record(String stage, int round, String input, String solved, String parsed, List<String> feedback, long millis) {
        String result = parsed != null ? parsed : solved;
        context.trace.add(new StageRecord(stage, attempt, round, null, Map.of(), List.of(), input, result, feedback, 0, 0, millis, null));
    }

    private SampleOutcome outcome(Evaluation evaluation) {
        Solution solution = evaluation.solution();
        AgentStatus status = solution.status() == dev.optagent.solvers.SolveStatus.OPTIMAL ? AgentStatus.OPTIMAL : AgentStatus.FEASIBLE;
        return new SampleOutcome(attempt, status, evaluation.formulation(), solution, null);
    }

    private SampleOutcome conclusion(Evaluation evaluation, String message) {
        AgentStatus status = evaluation.solution().status() == dev.optagent.solvers.SolveStatus.INFEASIBLE
                ? AgentStatus.INFEASIBLE : AgentStatus.UNBOUNDED;
        return new SampleOutcome(attempt, status, evaluation.formulation(), evaluation.solution(), message);
    }
}
