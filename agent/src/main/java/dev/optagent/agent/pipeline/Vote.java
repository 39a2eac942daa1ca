package dev.optagent.agent.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Self-consistency: samples that reached a verified answer vote with their objective value (equal within
 * 1e-6 relative); without any answer, samples vote with their conclusion (infeasible, unbounded). The
 * winner's share of all samples is the confidence. Ties go to the earlier sample (the greedy one).
 */
final class Vote {

    record Result(SampleOutcome winner, double confidence) { }

    private Vote() {
    }

    static Result decide(List<SampleOutcome> outcomes) {
        List<List<SampleOutcome>> groups = new ArrayList<>();
        List<SampleOutcome> voters = outcomes.stream().filter(SampleOutcome::hasAnswer).toList();
        if (voters.isEmpty()) voters = outcomes.stream().filter(o -> o.status() == dev.optagent.agent.AgentStatus.INFEASIBLE
                || o.status() == dev.optagent.agent.AgentStatus.UNBOUNDED).toList();
        if (voters.isEmpty()) {
            SampleOutcome first = outcomes.stream().min(Comparator.comparingInt(SampleOutcome::attempt)).orElseThrow();
            return new Result(first, 0);
        }
        for (SampleOutcome voter : voters) {
            List<SampleOutcome> group = groups.stream().filter(g -> agree(g.getFirst(), voter)).findFirst().orElse(null);
            if (group == null) {
                group = new ArrayList<>();
                groups.add(group);
            }
            group.add(voter);
        }
        List<SampleOutcome> largest = groups.stream()
                .max(Comparator.<List<SampleOutcome>>comparingInt(List::size)
                        .thenComparing(g -> -g.stream().mapToInt(SampleOutcome::attempt).min().orElse(0)))
                .orElseThrow();
        SampleOutcome winner = largest.stream().min(Comparator.comparingInt(SampleOutcome::attempt)).orElseThrow();
        return new Result(winner, (double) largest.size() / outcomes.size());
    }

    private static boolean agree(SampleOutcome a, SampleOutcome b) {
        if (a.hasAnswer() != b.hasAnswer()) return false;
        if (!a.hasAnswer()) return a.status() == b.status();
        Double x = a.solution().objective();
        Double y = b.solution().objective();
        if (x == null || y == null) return x == y;
        return Math.abs(x - y) <= 1e-6 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
    }
}
