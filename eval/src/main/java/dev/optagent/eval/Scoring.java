package dev.optagent.eval;

import dev.optagent.datasets.Problem;
import dev.optagent.agent.AgentStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The published scoring protocols, reported side by side and never mixed:
 * <ul>
 *   <li>strict: relative error at most 1e-6 (absolute 1e-6 near zero);</li>
 *   <li>lenient (ORLM / OptMATH): relative error at most 5%;</li>
 *   <li>OptiBench (ReSocratic): the objective and every gold variable value within 1e-4. Gold variables are
 *       named in the problem's words ("The number of bottles of green milk tea"), which no formulation shares,
 *       so each gold value must be matched by a distinct variable of the solution.</li>
 * </ul>
 * A null gold answer (infeasible / unbounded / no solution) matches only an INFEASIBLE or UNBOUNDED
 * conclusion. No "retry with max and min swapped".
 */
public final class Scoring {

    public static final double STRICT = 1e-6;
    public static final double LENIENT = 0.05;
    public static final double OPTIBENCH = 1e-4;

    private Scoring() {
    }

    public static boolean correct(Double gold, AgentStatus status, Double predicted, double relativeTolerance) {
        if (gold == null) return status == AgentStatus.INFEASIBLE || status == AgentStatus.UNBOUNDED;
        if (predicted == null || !(status == AgentStatus.OPTIMAL || status == AgentStatus.FEASIBLE)) return false;
        double scale = Math.abs(gold);
        double error = Math.abs(predicted - gold);
        return scale < 1 ? error <= relativeTolerance : error <= relativeTolerance * scale;
    }

    /** The OptiBench rule; {@code values} are the solution's variable values (null when unknown: not correct). */
    public static boolean correctOptiBench(Problem problem, AgentStatus status, Double predicted, Map<String, Double> values) {
        if (!correct(problem.answer(), status, predicted, OPTIBENCH)) return false;
        if (problem.answer() == null) return true;
        if (values == null) return false;
        List<Double> unmatched = new ArrayList<>(values.values());
        for (double gold : problem.variables().values()) {
            int match = -1;
            for (int i = 0; i < unmatched.size() && match < 0; i++) {
                if (close(unmatched.get(i), gold)) match = i;
            }
            if (match < 0) return false;
            unmatched.remove(match);
        }
        return true;
    }

    private static boolean close(double predicted, double gold) {
        double error = Math.abs(predicted - gold);
        return Math.abs(gold) < 1 ? error <= OPTIBENCH : error <= OPTIBENCH * Math.abs(gold);
    }
}
