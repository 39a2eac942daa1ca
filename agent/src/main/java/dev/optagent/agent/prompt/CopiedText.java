package dev.optagent.agent.prompt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds text copied from given sources: a run of {@code words} or more consecutive words (case and punctuation
 * ignored) that also occurs in a source. Whatever learns prompt text from benchmark problems (a workflow optimizer's
 * suggestion, a library insight) is checked with it, so no problem text reaches a shipped prompt.
 */
public final class CopiedText {

    private final int words;
    private final Set<String> spans = new HashSet<>();

    private CopiedText(int words, Collection<String> sources) {
        if (words < 2) throw new IllegalArgumentException("a copied span is at least 2 words, not " + words);
        this.words = words;
        for (String source : sources) {
            List<String> w = words(source);
            for (int k = 0; k + words <= w.size(); k++) spans.add(String.join(" ", w.subList(k, k + words)));
        }
    }

    /** A detector of runs of {@code words} or more words copied from any of {@code sources}. */
    public static CopiedText from(Collection<String> sources, int words) {
        return new CopiedText(words, sources);
    }

    public int words() {
        return words;
    }

    /** The first copied run of words in {@code text}, if any. */
    public Optional<String> firstCopy(String text) {
        if (text == null) return Optional.empty();
        List<String> w = words(text);
        for (int k = 0; k + words <= w.size(); k++) {
            String span = String.join(" ", w.subList(k, k + words));
            if (spans.contains(span)) return Optional.of(span);
        }
        return Optional.empty();
    }

    public boolean copies(String text) {
        return firstCopy(text).isPresent();
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (!w.isEmpty()) words.add(w);
        return words;
    }
}
