package dev.optagent.library.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of what an insight did: the tasks it was learned from, and per task one {@link Outcome}. The counts and
 * the score are derived (written to JSON for reviewers, ignored when read back).
 *
 * <p>Score: helped minus misled, so an insight that misleads more often than it helps is net negative and retired.
 */
@JsonIgnoreProperties(value = {"counts", "score"}, allowGetters = true)
public record Evidence(List<String> sourceTasks, List<TaskEvidence> tasks) {

    public Evidence {
        sourceTasks = sourceTasks == null ? List.of() : List.copyOf(sourceTasks);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public static Evidence from(List<String> sourceTasks) {
        return new Evidence(sourceTasks, List.of());
    }

    /** This evidence with one more verdict; a newer verdict on the same task replaces the older one. */
    public Evidence with(TaskEvidence verdict) {
        List<TaskEvidence> next = new ArrayList<>();
        for (TaskEvidence old : tasks) if (!old.task().equals(verdict.task())) next.add(old);
        next.add(verdict);
        return new Evidence(sourceTasks, next);
    }

    @JsonProperty("counts")
    public Map<String, Integer> counts() {
        Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) byOutcome.put(outcome, 0);
        for (TaskEvidence task : tasks) byOutcome.merge(task.outcome(), 1, Integer::sum);
        Map<String, Integer> named = new LinkedHashMap<>();
        byOutcome.forEach((outcome, count) -> named.put(outcome.json(), count));
        return named;
    }

    public int count(Outcome outcome) {
        return (int) tasks.stream().filter(task -> task.outcome() == outcome).count();
    }

    @JsonProperty("score")
    public int score() {
        return count(Outcome.HELPED) - count(Outcome.MISLED);
    }

    public List<String> tasksWith(Outcome outcome) {
        return tasks.stream().filter(task -> task.outcome() == outcome).map(TaskEvidence::task).toList();
    }
}
