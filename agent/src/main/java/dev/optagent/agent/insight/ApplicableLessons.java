package dev.optagent.agent.insight;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the verdict line of an applicability check ("Applicable: [L1], [L3]" or "Applicable: none"). Only ids that
 * were asked about count, so a reply cannot switch on a lesson it was not shown. A reply without the line names
 * nothing: an unreadable verdict shows no lesson, which leaves the stage's prompt as without a library.
 */
public final class ApplicableLessons {

    private ApplicableLessons() {
    }

    /**
     * What follows {@code label:} on the last line of a reply that starts with that label (markdown emphasis and
     * bullets around it allowed); empty when no line does. The library reads {@code insights@2}'s "Lessons applied:"
     * line with it too.
     */
    public static Optional<String> lastLine(String reply, String label) {
        if (reply == null) return Optional.empty();
        Matcher line = Pattern.compile("(?im)^\\W*" + Pattern.quote(label) + "\\W*:(.*)$").matcher(reply);
        String last = null;
        while (line.find()) last = line.group(1);
        return Optional.ofNullable(last);
    }

    public static Set<String> named(String reply, Collection<String> asked) {
        String last = lastLine(reply, "applicable").orElse(null);
        if (last == null) return Set.of();
        Set<String> named = new LinkedHashSet<>();
        for (String id : asked) {
            if (Pattern.compile("(^|[\\[\\s,`'\"(])" + Pattern.quote(id) + "($|[\\]\\s,`'\".;)])").matcher(last).find()) named.add(id);
        }
        return Set.copyOf(named);
    }
}
