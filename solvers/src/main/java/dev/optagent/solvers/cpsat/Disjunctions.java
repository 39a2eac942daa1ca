package dev.optagent.solvers.cpsat;

import dev.optagent.formulation.ground.GroundConstraint;
import dev.optagent.formulation.ground.GroundExpr;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the machines hidden in big-M sequencing rows, so CP-SAT can be given them as no-overlap constraints.
 * Agents write a disjunction between operations a and b as two rows over one binary y,
 * {@code s[a] + p[a] <= s[b] + M*(1 - y)} and {@code s[b] + p[b] <= s[a] + M*y}: whichever value y takes, one
 * row is exact ({@code s[b] >= s[a] + p[a]} or the reverse) and the other is relaxed by M. When every pair of a
 * set of operations is sequenced like that, the operations share a machine: {@code NoOverlap} over the
 * intervals {@code [s, s + p)} is implied by the rows (so adding it changes no solution) and gives CP-SAT its
 * scheduling propagators and energy bounds, which prove makespans the pairwise rows alone leave open.
 */
final class Disjunctions {

    /** An operation: its start variable and the least separation it imposes on a successor. */
    record Operation(int start, long duration) { }

    private Disjunctions() {
    }

    /** Groups of operations that pairwise cannot overlap, each of at least three operations. */
    static List<List<Operation>> machines(GroundModel model) {
        // literal (variable, value) -> precedences it enforces: s[to] >= s[from] + gap
        Map<Long, List<long[]>> byLiteral = new HashMap<>();
        for (GroundConstraint c : model.constraints()) {
            if (c.isIndicator() || !c.body().isAffine()) continue;
            if (Double.isFinite(c.upper())) precedence(model, c.body(), c.upper(), 1, byLiteral);
            if (Double.isFinite(c.lower())) precedence(model, c.body(), c.lower(), -1, byLiteral);
        }
        // complementary literals of one binary: a pair of operations that cannot overlap
        Map<Integer, Map<Integer, Long>> separation = new LinkedHashMap<>();
        Map<Integer, Set<Integer>> neighbours = new LinkedHashMap<>();
        for (var entry : byLiteral.entrySet()) {
            long literal = entry.getKey();
            if ((literal & 1) == 0) continue;
            List<long[]> other = byLiteral.get(literal ^ 1);
            if (other == null) continue;
            for (long[] one : entry.getValue()) {
                for (long[] two : other) {
                    if (one[0] == two[1] && one[1] == two[0]) {
                        int a = (int) one[0], b = (int) one[1];
                        separation.computeIfAbsent(a, k -> new HashMap<>()).merge(b, one[2], Math::min);
                        separation.computeIfAbsent(b, k -> new HashMap<>()).merge(a, two[2], Math::min);
                        neighbours.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
                        neighbours.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(a);
                    }
                }
            }
        }
        List<List<Operation>> machines = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        for (int start : neighbours.keySet()) {
            if (!seen.add(start)) continue;
            List<Integer> component = new ArrayList<>(List.of(start));
            for (int k = 0; k < component.size(); k++) {
                for (int next : neighbours.get(component.get(k))) if (seen.add(next)) component.add(next);
            }
            if (component.size() < 3 || !complete(component, neighbours)) continue;
            List<Operation> operations = new ArrayList<>();
            for (int op : component) {
                long duration = separation.get(op).values().stream().mapToLong(Long::longValue).min().orElse(0);
                if (duration <= 0) { operations = null; break; }
                operations.add(new Operation(op, duration));
            }
            if (operations != null) machines.add(operations);
        }
        return machines;
    }

    private static boolean complete(List<Integer> component, Map<Integer, Set<Integer>> neighbours) {
        for (int op : component) if (neighbours.get(op).size() != component.size() - 1) return false;
        return true;
    }

    /**
     * Reads {@code sign * body <= sign * side} as "literal implies s[to] >= s[from] + gap" when the body is
     * s[from] - s[to] + c*y (+ constant) over two general variables and one binary, with integral numbers.
     */
    private static void precedence(GroundModel model, GroundExpr body, double side, int sign, Map<Long, List<long[]>> byLiteral) {
        int[] vs = body.linearVariables();
        double[] cs = body.linearCoefficients();
        if (vs.length != 3) return;
        int from = -1, to = -1, binary = -1;
        double c = 0;
        for (int k = 0; k < 3; k++) {
            VariableInstance v = model.variable(vs[k]);
            double a = sign * cs[k];
            boolean isBinary = v.isDiscrete() && v.lower() >= 0 && v.upper() <= 1;
            if (isBinary && binary < 0) { binary = vs[k]; c = a; }
            else if (a == 1 && from < 0) from = vs[k];
            else if (a == -1 && to < 0) to = vs[k];
            else return;
        }
        if (from < 0 || to < 0 || binary < 0 || c == 0) return;
        double rhs = sign * (side - body.constant());
        // y = 1: s[from] - s[to] <= rhs - c;  y = 0: s[from] - s[to] <= rhs. The smaller side is the exact one.
        boolean whenOne = c > 0;
        double gap = -(whenOne ? rhs - c : rhs);
        if (gap != Math.rint(gap)) return;
        long literal = ((long) binary << 1) | (whenOne ? 1 : 0);
        byLiteral.computeIfAbsent(literal, k -> new ArrayList<>()).add(new long[] {from, to, (long) gap});
    }
}
