package dev.optagent.library.retrieval;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cheap word-level signals: shared content words, quoted cue phrases of a condition found in the problem, taxonomy cues. */
final class Lexical {

    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "is", "are", "be",
            "it", "this", "that", "when", "with", "as", "by", "at", "from", "each", "per", "not", "does", "do", "apply", "applies",
            "problem", "states", "state", "mentions", "e", "g", "eg", "example", "such", "its", "their", "which", "can", "must",
            "any", "all", "than", "there", "has", "have", "if", "then", "into", "only", "but", "so", "we", "you");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9%-]+|\\d+%");
    private static final Pattern QUOTED = Pattern.compile("[\"'\u2018\u2019\u201c\u201d]([^\"'\u2018\u2019\u201c\u201d]{3,60})[\"'\u2018\u2019\u201c\u201d]");

    private Lexical() {
    }

    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = stem(m.group());
            if (!STOP.contains(w) && w.length() > 2) words.add(w);
        }
        return words;
    }

    /** A crude plural/verb-ending stem, so "trucks" meets "truck" and "shipped" meets "ship". */
    private static String stem(String word) {
        if (word.endsWith("ies") && word.length() > 4) return word.substring(0, word.length() - 3) + "y";
        if (word.endsWith("ing") && word.length() > 5) return word.substring(0, word.length() - 3);
        if (word.endsWith("ed") && word.length() > 4) return word.substring(0, word.length() - 2);
        if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 3) return word.substring(0, word.length() - 1);
        return word;
    }

    /**
     * Share of the condition's positive part (before "does not apply") whose content words the problem uses, plus
     * a bonus for each quoted cue phrase found verbatim; in [0, 1].
     */
    static double overlap(Set<String> problemWords, String problemLower, Condition condition) {
        if (condition.words().isEmpty()) return 0;
        long shared = condition.words().stream().filter(problemWords::contains).count();
        double score = (double) shared / condition.words().size();
        for (String phrase : condition.phrases()) if (problemLower.contains(phrase)) score += 0.25;
        return Math.min(1, score);
    }

    /** A condition's positive part, prepared once per insight: its content words and its quoted cue phrases. */
    record Condition(Set<String> words, List<String> phrases) {
        static Condition of(String condition) {
            String positive = positivePart(condition);
            List<String> phrases = new java.util.ArrayList<>();
            Matcher quoted = QUOTED.matcher(positive);
            while (quoted.find()) phrases.add(quoted.group(1).toLowerCase(Locale.ROOT).strip());
            return new Condition(Set.copyOf(Lexical.words(positive)), List.copyOf(phrases));
        }
    }

    /** Share of a taxonomy label's cue words present in the problem, saturating at three cues. */
    static double cues(String problemLower, List<String> cues) {
        if (cues.isEmpty()) return 0;
        long found = cues.stream().filter(cue -> containsWord(problemLower, cue)).count();
        return Math.min(1, found / 3.0);
    }

    private static boolean containsWord(String text, String cue) {
        int at = text.indexOf(cue);
        while (at >= 0) {
            boolean startOk = at == 0 || !Character.isLetter(text.charAt(at - 1));
            if (startOk) return true;
            at = text.indexOf(cue, at + 1);
        }
        return false;
    }

    /** The condition without its "does not apply when ..." part, which must not attract the problems it excludes. */
    static String positivePart(String condition) {
        String lower = condition.toLowerCase(Locale.ROOT);
        int cut = lower.length();
        for (String marker : List.of("does not apply", "does not hold", "not apply when", "do not apply")) {
            int at = lower.indexOf(marker);
            if (at >= 0) cut = Math.min(cut, at);
        }
        return condition.substring(0, cut);
    }
}
