package dev.optagent.workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified-style line diff of two texts (longest common subsequence), with a few lines of context. Prompt
 * texts are a few hundred lines at most, so the quadratic table is cheap; no diff library is in our mirror.
 */
final class LineDiff {

    private static final int CONTEXT = 1;

    private LineDiff() {
    }

    static List<String> diff(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add("  " + a[i]);
                i++;
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                lines.add("- " + a[i++]);
            } else {
                lines.add("+ " + b[j++]);
            }
        }
        return withContext(lines);
    }

    /** Keeps changed lines and CONTEXT unchanged lines around them; "..." marks what was left out. */
    private static List<String> withContext(List<String> lines) {
        boolean[] keep = new boolean[lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).startsWith("  ")) continue;
            for (int c = Math.max(0, k - CONTEXT); c <= Math.min(lines.size() - 1, k + CONTEXT); c++) keep[c] = true;
        }
        List<String> shown = new ArrayList<>();
        boolean skipped = false;
        for (int k = 0; k < lines.size(); k++) {
            if (keep[k]) {
                if (skipped) shown.add("  ...");
                shown.add(lines.get(k));
                skipped = false;
            } else {
                skipped = true;
            }
        }
        return shown;
    }
}
