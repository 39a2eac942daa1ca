package dev.optagent.library.retrieval;

import dev.optagent.agent.insight.ApplicableLessons;
import dev.optagent.agent.trace.StageRecord;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads stage 2's answer back: the ids a reply names on its "Lessons applied:" line ({@code insights@2}). A reply
 * without the line says nothing (empty), which is not the same as "none" (an empty set).
 */
public final class AppliedLessons {

    private static final Pattern ID = Pattern.compile("\\[([^\\[\\]]{1,80})]");

    private AppliedLessons() {
    }

    public static Optional<Set<String>> parse(String reply) {
        String last = ApplicableLessons.lastLine(reply, "lessons applied").orElse(null);
        if (last == null) return Optional.empty();
        Set<String> ids = new LinkedHashSet<>();
        if (last.toLowerCase(Locale.ROOT).contains("none") && !last.contains("[")) return Optional.of(ids);
        Matcher id = ID.matcher(last);
        while (id.find()) ids.add(id.group(1).trim());
        return Optional.of(ids);
    }

    /** The insight ids shown in a run's LLM calls (recorded in each call's knobs). */
    @SuppressWarnings("unchecked")
    public static Set<String> shown(List<StageRecord> trace) {
        Set<String> ids = new LinkedHashSet<>();
        for (StageRecord record : trace) {
            Object shown = record.knobs().get("insights");
            if (shown instanceof List<?> list) list.forEach(id -> ids.add(String.valueOf(id)));
        }
        return ids;
    }

    /** The ids the model said it applied in any call of a run; empty when no call answered the question. */
    public static Optional<Set<String>> applied(List<StageRecord> trace) {
        Set<String> ids = new LinkedHashSet<>();
        boolean answered = false;
        for (StageRecord record : trace) {
            if (!record.knobs().containsKey("insights")) continue;
            Optional<Set<String>> named = parse(record.reply());
            if (named.isPresent()) {
                answered = true;
                ids.addAll(named.get());
            }
        }
        return answered ? Optional.of(ids) : Optional.empty();
    }
}
