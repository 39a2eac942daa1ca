package dev.optagent.library.learn;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.LibraryJson;
import dev.optagent.library.model.Rejection;
import dev.optagent.library.model.Taxonomy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a learning run did, over all its starts (from the journal and the library): tasks, how many were solved at
 * once, insights added / merged by taxonomy, rejected candidates with reasons, calls and tokens. Written as
 * {@code LIB.report.json} and {@code LIB.report.md} beside the library.
 */
@JsonPropertyOrder({"library", "dataset", "tasks", "finished", "solvedAtOnce", "failed", "added", "merged", "addedByTaxonomy",
        "labelsAdded", "rejected", "rejectedByReason", "calls", "inputTokens", "outputTokens", "stoppedBecause"})
public record LearnReport(String library, String dataset, int tasks, int finished, int solvedAtOnce, int failed, List<String> added,
                          List<String> merged, Map<String, Integer> addedByTaxonomy, List<Taxonomy> labelsAdded, List<Rejection> rejected,
                          Map<String, Integer> rejectedByReason, long calls, long inputTokens, long outputTokens, String stoppedBecause) {

    public static LearnReport of(String libraryName, String dataset, int tasks, List<LearnJournal.Entry> entries, Library library,
                                 String stoppedBecause) {
        Set<String> trained = entries.stream().map(LearnJournal.Entry::task).collect(Collectors.toSet());
        List<Insight> learned = library.insights().stream()
                .filter(insight -> insight.evidence().sourceTasks().stream().anyMatch(trained::contains)).toList();
        Map<String, Integer> byTaxonomy = new TreeMap<>();
        learned.forEach(insight -> byTaxonomy.merge(insight.taxonomy().path(), 1, Integer::sum));
        List<Rejection> rejected = library.rejected().stream().filter(r -> r.task() == null || trained.contains(r.task())).toList();
        Map<String, Integer> byReason = new TreeMap<>();
        rejected.forEach(r -> byReason.merge(reasonKind(r.reason()), 1, Integer::sum));
        return new LearnReport(libraryName, dataset, tasks, entries.size(), (int) entries.stream().filter(LearnJournal.Entry::solved).count(),
                (int) entries.stream().filter(e -> !e.solved()).count(),
                learned.stream().filter(i -> !"merge".equals(i.created() == null ? null : i.created().by())).map(Insight::id).toList(),
                learned.stream().filter(i -> "merge".equals(i.created() == null ? null : i.created().by())).map(Insight::id).toList(),
                byTaxonomy, library.labelsAdded(), rejected, byReason,
                entries.stream().mapToLong(LearnJournal.Entry::calls).sum(), entries.stream().mapToLong(LearnJournal.Entry::inputTokens).sum(),
                entries.stream().mapToLong(LearnJournal.Entry::outputTokens).sum(), stoppedBecause);
    }

    /** The reason without its specifics ("regressed on nl4opt-3, ..." -> "regressed"), for the summary table. */
    static String reasonKind(String reason) {
        if (reason == null) return "unknown";
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.startsWith("merge")) return r.contains("breaks source task") ? "merge refused: breaks a source task" : "merge refused";
        if (r.startsWith("regressed")) return "regressed on an earlier-solved task";
        if (r.startsWith("its task was re-solved")) return "does not fix its task";
        if (r.startsWith("not retrieved")) return "not retrieved for its own task";
        if (r.startsWith("no general insight")) return "diagnosis proposed nothing";
        return r.length() > 40 ? r.substring(0, 40) : r;
    }

    public void write(Path json, Path markdown) {
        try {
            Files.writeString(json, LibraryJson.JSON.writeValueAsString(this) + "\n");
            Files.writeString(markdown, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the learning report: " + e.getMessage(), e);
        }
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Learning report: ").append(library).append("\n\n");
        md.append("Training data: `").append(dataset).append("`, ").append(finished).append(" of ").append(tasks).append(" tasks finished");
        md.append(stoppedBecause == null ? ".\n\n" : " (stopped: " + stoppedBecause + ").\n\n");
        md.append("| | count |\n|---|---:|\n");
        md.append("| solved in every sample at once | ").append(solvedAtOnce).append(" |\n");
        md.append("| failed at least once (diagnosed) | ").append(failed).append(" |\n");
        md.append("| insights added | ").append(added.size()).append(" |\n");
        md.append("| insights merged | ").append(merged.size()).append(" |\n");
        md.append("| candidates rejected | ").append(rejected.size()).append(" |\n");
        md.append("| taxonomy labels added beyond the seed | ").append(labelsAdded.size()).append(" |\n");
        md.append(String.format(Locale.ROOT, "| LLM calls | %d |%n| input / output tokens | %d / %d |%n%n", calls, inputTokens, outputTokens));
        if (!addedByTaxonomy.isEmpty()) {
            md.append("## Insights by taxonomy\n\n| stage / level 1 / level 2 | insights |\n|---|---:|\n");
            addedByTaxonomy.forEach((path, count) -> md.append("| ").append(path).append(" | ").append(count).append(" |\n"));
            md.append('\n');
        }
        if (!rejectedByReason.isEmpty()) {
            md.append("## Rejected, by reason\n\n| reason | count |\n|---|---:|\n");
            rejectedByReason.forEach((reason, count) -> md.append("| ").append(reason).append(" | ").append(count).append(" |\n"));
            md.append("\n| candidate | task | reason |\n|---|---|---|\n");
            rejected.forEach(r -> md.append("| ").append(r.id() == null ? "-" : r.id()).append(" | ").append(r.task()).append(" | ")
                    .append(r.reason().replace("|", "\\|")).append(" |\n"));
        }
        return md.toString();
    }
}
