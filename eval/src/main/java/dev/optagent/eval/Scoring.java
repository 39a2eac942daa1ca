package dev.optagent.eval;

import dev.optagent.agent.AgentStatus;

/**
 * The published scoring protocols, reported side by side and never mixed:
 * <ul>
 *   <li>strict: relative error at most 1e-6 (absolute 1e-6 near zero);</li>
 *   <li>lenient (ORLM / OptMATH): relative error at most 5%.</li>
 * </ul>
 * A null gold answer (infeasible / unbounded / no solution) matches only an INFEASIBLE or UNBOUNDED
 * conclusion. No "retry with max and min swapped".
 */
public final class Scoring {

    public static final double STRICT = 1e-6;
    public static final double LENIENT = 0.05;

    private Scoring() {
    }

    public static boolean correct(Double gold, AgentStatus status, Double predicted, double relativeTolerance) {
        if (gold == null) return status == AgentStatus.INFEASIBLE || status == AgentStatus.UNBOUNDED;
        if (predicted == null || !(status == AgentStatus.OPTIMAL || status == AgentStatus.FEASIBLE)) return false;
        double scale = Math.abs(gold);
        double error = Math.abs(predicted - gold);
        return scale < 1 ? error <= relativeTolerance : error <= relativeTolerance * scale;
    }
}
