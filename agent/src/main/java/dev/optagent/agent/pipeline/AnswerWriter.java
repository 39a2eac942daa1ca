package dev.optagent.agent.pipeline;

import dev.optagent.agent.AgentStatus;
import dev.optagent.agent.Decision;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.VariableDecl;
import dev.optagent.formulation.render.ReadableNumber;
import dev.optagent.solvers.Solution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answer stage, without an LLM call: decisions named by the formulation's own descriptions and units
 * (written by the model from the problem's words), and a short text. Costs no tokens.
 */
final class AnswerWriter {

    private static final int MAX_LISTED = 25;

    private AnswerWriter() {
    }

    static List<Decision> decisions(Formulation formulation, Solution solution) {
        List<Decision> decisions = new ArrayList<>();
        if (solution == null || formulation == null) return decisions;
        for (Map.Entry<String, Double> entry : solution.variables().entrySet()) {
            if (Math.abs(entry.getValue()) < 1e-9) continue;
            String block = entry.getKey().contains("[") ? entry.getKey().substring(0, entry.getKey().indexOf('[')) : entry.getKey();
            VariableDecl decl = formulation.variable(block).orElse(null);
            decisions.add(new Decision(entry.getKey(), decl == null ? null : decl.description(), entry.getValue(),
                    decl == null ? null : decl.unit()));
        }
        return decisions;
    }

    static String text(AgentStatus status, Formulation formulation, Solution solution, List<Decision> decisions, String message) {
        StringBuilder text = new StringBuilder();
        switch (status) {
            case OPTIMAL, FEASIBLE -> {
                String what = formulation.isLexicographic() ? "goals" : formulation.objective() == null || formulation.objective().isFeasibility() ? "a feasible plan" : "objective (" + formulation.objective().sense().json() + ")";
                text.append(status == AgentStatus.OPTIMAL ? "Optimal " : "Best found, not proven optimal: ").append(what);
                if (solution.objective() != null && solution.goals().isEmpty()) text.append(": ").append(ReadableNumber.of(solution.objective()));
                for (int k = 0; k < solution.goals().size(); k++) {
                    var goal = solution.goals().get(k);
                    text.append(k == 0 ? "; goals in priority order: " : ", ").append(k + 1).append(". ").append(goal.name())
                            .append(" (").append(goal.sense().json()).append(") ")
                            .append(goal.value() == null ? "not reached" : ReadableNumber.of(goal.value()));
                }
                if ("local".equals(solution.optimality())) text.append(" (a local optimum; global optimality is not proven)");
                text.append('.');
                solution.scenarios().forEach((name, answer) -> text.append("\nScenario ").append(name).append(": ")
                        .append(answer.status()).append(answer.objective() == null ? "" : ", objective " + ReadableNumber.of(answer.objective())));
                int shown = 0;
                for (Decision decision : decisions) {
                    if (shown++ == MAX_LISTED) {
                        text.append("\n- ... (").append(decisions.size() - MAX_LISTED).append(" more)");
                        break;
                    }
                    text.append("\n- ").append(decision.variable());
                    if (decision.description() != null) text.append(" (").append(decision.description()).append(')');
                    text.append(" = ").append(ReadableNumber.of(decision.value()));
                    if (decision.unit() != null) text.append(' ').append(decision.unit());
                }
            }
            case INFEASIBLE, UNBOUNDED -> {
                text.append("The problem as stated has no optimal solution: it is ").append(status.name().toLowerCase()).append('.');
                if (solution != null && solution.diagnosis() != null) text.append(' ').append(solution.diagnosis().explanation());
            }
            default -> text.append("No verified answer: ").append(message);
        }
        boolean concluded = switch (status) {
            case OPTIMAL, FEASIBLE, INFEASIBLE, UNBOUNDED -> true;
            default -> false;
        };
        if (concluded && formulation != null && !formulation.assumptions().isEmpty()) {
            // The answer rests on these readings; say so where the answer is read, not only in the model.
            text.append("\nAssumed where the problem is silent or ambiguous:");
            formulation.assumptions().forEach(assumption -> text.append("\n- ").append(assumption));
        }
        return text.toString();
    }
}
