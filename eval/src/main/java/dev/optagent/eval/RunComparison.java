package dev.optagent.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What changed between two runs on the same problems: which flipped (right to wrong and wrong to right,
 * under the strict rule) and the cost difference.
 */
public record RunComparison(List<String> fixed, List<String> broken, int common, long callsA, long callsB, long tokensA, long tokensB) {

    public static RunComparison of(Map<String, ProblemResult> a, Map<String, ProblemResult> b) {
        List<String> fixed = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        int common = 0;
        long callsA = 0, callsB = 0, tokensA = 0, tokensB = 0;
        for (Map.Entry<String, ProblemResult> entry : a.entrySet()) {
            ProblemResult other = b.get(entry.getKey());
            if (other == null) continue;
            common++;
            ProblemResult mine = entry.getValue();
            if (!mine.correctStrict() && other.correctStrict()) fixed.add(entry.getKey());
            if (mine.correctStrict() && !other.correctStrict()) broken.add(entry.getKey());
            callsA += mine.llmCalls();
            callsB += other.llmCalls();
            tokensA += mine.inputTokens() + mine.outputTokens();
            tokensB += other.inputTokens() + other.outputTokens();
        }
        return new RunComparison(fixed, broken, common, callsA, callsB, tokensA, tokensB);
    }

    public String describe() {
        return "common problems: " + common + "\n"
                + "now correct (was wrong): " + fixed.size() + (fixed.isEmpty() ? "" : " " + fixed) + "\n"
                + "now wrong (was correct): " + broken.size() + (broken.isEmpty() ? "" : " " + broken) + "\n"
                + "LLM calls: " + callsA + " -> " + callsB + " (" + signed(callsB - callsA) + ")\n"
                + "tokens: " + tokensA + " -> " + tokensB + " (" + signed(tokensB - tokensA) + ")";
    }

    private static String signed(long delta) {
        return (delta >= 0 ? "+" : "") + delta;
    }
}
