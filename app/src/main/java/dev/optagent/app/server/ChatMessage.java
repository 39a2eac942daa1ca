package dev.optagent.app.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.agent.AgentResult;
import dev.optagent.agent.AgentStatus;
import dev.optagent.agent.Cost;
import dev.optagent.agent.Decision;
import dev.optagent.agent.StageEvent;
import dev.optagent.formulation.Diagnostic;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.analysis.Verification;
import dev.optagent.formulation.diff.FormulationDiff;
import dev.optagent.formulation.analysis.ObjectiveMeaning;
import dev.optagent.solvers.Diagnosis;
import dev.optagent.solvers.analysis.Sensitivity;
import dev.optagent.solvers.diagnosis.Relaxation;

import java.util.List;

/** The chat protocol over {@code /ws/chat}, both directions, as JSON. */
public final class ChatMessage {

    private ChatMessage() {
    }

    /**
     * From the browser: {@code {"type": "ask", "text": "..."}} (a problem, or a follow-up that changes the
     * model), {@code {"type": "formulation", "formulation": {...}}} (an edited model to solve as is), or
     * {@code {"type": "reset"}}, or {@code {"type": "resume", "turns": [...], "formulation": {...}}} (a stored
     * conversation reopened after a reload: the problem as stated so far and its current model).
     */
    public record In(String type, String text, JsonNode formulation, List<String> turns) { }

    /** To the browser: status, stage events, the answer with what changed, invalid edits, errors. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Out(String type, StatusResource.Status status, StageEvent event, Answer answer, List<FormulationDiff.Change> changes,
                      List<Diagnostic> diagnostics, ProblemDetailsMappers.ProblemDetails error) {

        static Out status(StatusResource.Status status) {
            return new Out("status", status, null, null, null, null, null);
        }

        static Out event(StageEvent event) {
            return new Out("event", null, event, null, null, null, null);
        }

        static Out answer(Answer answer, List<FormulationDiff.Change> changes) {
            return new Out("answer", null, null, answer, changes, null, null);
        }

        static Out invalid(List<Diagnostic> diagnostics) {
            return new Out("invalid", null, null, null, null, diagnostics, null);
        }

        static Out error(int status, String title, String detail) {
            return new Out("error", null, null, null, null, null,
                    new ProblemDetailsMappers.ProblemDetails("about:blank", title, status, detail, null));
        }
    }

    /**
     * An agent result without its trace (the trace stays on the server; the answer is what the UI shows), with the
     * conversation's problem as the agent judged it (what feedback on the answer is about) and the ids of the library's
     * insights its model calls were shown.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(AgentStatus status, Double objective, String text, double confidence, List<Decision> decisions, String message,
                         Formulation formulation, String latex, String problemClass, String backend, String optimality,
                         Verification verification, Diagnosis diagnosis, Cost cost, ObjectiveMeaning objectiveMeaning,
                         Sensitivity sensitivity, Relaxation relaxation, String problem, List<String> insights) {

        static Answer of(AgentResult result, String latex, String problem) {
            var solution = result.solution();
            return new Answer(result.status(), result.objective(), result.answer(), result.confidence(), result.decisions(),
                    result.message(), result.formulation(), latex,
                    solution == null || solution.problemClass() == null ? null : solution.problemClass().name(),
                    solution == null ? null : solution.backend(), solution == null ? null : solution.optimality(),
                    result.verification(), result.diagnosis(), result.cost(),
                    result.formulation() == null ? null : ObjectiveMeaning.of(result.formulation()).orElse(null),
                    solution == null ? null : solution.sensitivity(), solution == null ? null : solution.relaxation(),
                    problem == null || problem.isBlank() ? null : problem, insightsShown(result));
        }

        /** Every insight id recorded in the trace's knobs, in order of first use. */
        static List<String> insightsShown(AgentResult result) {
            java.util.Set<String> ids = new java.util.LinkedHashSet<>();
            for (var record : result.trace()) {
                if (record.knobs().get("insights") instanceof List<?> shown) shown.forEach(id -> ids.add(String.valueOf(id)));
            }
            return List.copyOf(ids);
        }
    }
}
