package dev.optagent.agent.insight;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the verdict line of an applicability check ("Applicable: [L1], [L3]" or "Applicable: none"). Only ids that
 * were asked about count, so a reply cannot switch on a lesson it was not shown. A reply without the line names
 * nothing: an unreadable verdict shows no lesson, which leaves the stage's prompt as without a library.
 */
public final class ApplicableLessons {

    private static final Pattern LINE = Pattern.compile("(?im)^[\\s*_#>-]*applicable[\\s*_]*:(.*)$");

    private ApplicableLessons() {
    }

    public static Set<String> named(String reply, Collection<String> asked) {
        if (reply == null) return Set.of();
        Matcher line = LINE.matcher(reply);
        String last = null;
        while (line.find()) last = line.group(1);
        if (last == null) return Set.of();
        Set<String> named = new LinkedHashSet<>();
        for (String id : asked) {
            if (Pattern.compile("(^|[\\[\\s,`'\"(])" + Pattern.quote(id) + "($|[\\]\\s,`'\".;)])").matcher(last).find()) named.add(id);
        }
        return Set.copyOf(named);
    }
}
