package dev.optagent.formulation.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns model labels ({@code supply_limit[san-diego]}) into names that LP and MPS readers accept
 * ({@code supply_limit(san_diego)}), unique within one namespace (rows and columns are separate in both
 * formats). Both writers use it, so an LP and an MPS export of the same model name everything alike.
 *
 * <p>The rules are the intersection of what CPLEX, Gurobi, GLPK, HiGHS and SCIP read: letters, digits and
 * {@code _ ( ) , .} only (LP uses {@code [ ] + - * ^ : < > =} as syntax, MPS splits on blanks); no leading
 * digit or period; no {@code e12}/{@code ee} prefix, which CPLEX reads as an exponent; no LP keyword; at
 * most 255 characters. Names are handed out first come, first served in model order, so the result is
 * deterministic; a clash gets {@code ~2}, {@code ~3}, ... ({@code ~} never survives sanitising, so a
 * suffixed name cannot collide with a plain one).
 */
final class ExportNames {

    static final int MAX_LENGTH = 255;

    private static final Set<String> KEYWORDS = Set.of(
            "st", "subject", "such", "bound", "bounds", "min", "max", "minimize", "maximize", "minimise", "maximise",
            "minimum", "maximum", "gen", "general", "generals", "int", "integer", "integers", "bin", "binary", "binaries",
            "semi", "semis", "sos", "free", "inf", "infinity", "end");

    /** A label whose name is not just the label with brackets turned into parentheses; writers list these as comments. */
    record Rename(String label, String name) { }

    private final Set<String> used = new HashSet<>();
    private final List<Rename> renames = new ArrayList<>();

    /** Claims a fixed name (such as the objective row's) before any label can take it. */
    String reserve(String name) {
        used.add(name);
        return name;
    }

    /** The unique exported name for a label, registering it. */
    String name(String label) {
        String base = sanitize(label);
        String name = base;
        for (int k = 2; !used.add(name); k++) {
            name = base + "~" + k;
        }
        if (!name.equals(label.replace('[', '(').replace(']', ')'))) {
            renames.add(new Rename(label, name));
        }
        return name;
    }

    List<Rename> renames() {
        return List.copyOf(renames);
    }

    static String sanitize(String label) {
        StringBuilder out = new StringBuilder(label.length() + 1);
        for (int k = 0; k < label.length(); k++) {
            char c = label.charAt(k);
            if (c == '[') out.append('(');
            else if (c == ']') out.append(')');
            else if (isAscii(c) && (Character.isLetterOrDigit(c) || "_(),.".indexOf(c) >= 0)) out.append(c);
            else out.append('_');
        }
        if (out.isEmpty() || !(isAscii(out.charAt(0)) && Character.isLetter(out.charAt(0)) || out.charAt(0) == '_')) {
            out.insert(0, '_');
        }
        if (looksLikeExponent(out)) out.insert(0, '_');
        if (KEYWORDS.contains(out.toString().toLowerCase(Locale.ROOT))) out.append('_');
        // Leave room for a "~n" suffix within the LP length limit.
        return out.length() > MAX_LENGTH - 8 ? out.substring(0, MAX_LENGTH - 8) : out.toString();
    }

    private static boolean looksLikeExponent(CharSequence name) {
        char first = name.charAt(0);
        if (first != 'e' && first != 'E') return false;
        if (name.length() == 1) return true;
        char second = name.charAt(1);
        return Character.isDigit(second) || second == 'e' || second == 'E';
    }

    private static boolean isAscii(char c) {
        return c < 128;
    }
}
