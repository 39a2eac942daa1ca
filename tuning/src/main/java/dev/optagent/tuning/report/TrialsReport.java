package dev.optagent.tuning.report;

import dev.optagent.tuning.study.Study;
import dev.optagent.tuning.study.Trial;

import java.util.List;
import java.util.Locale;

/** A study as one self-contained HTML page: the description, the best trial, the best-so-far plot and every trial. */
public final class TrialsReport {

    private TrialsReport() {
    }

    public static String html(Study study) {
        StringBuilder out = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(BestSoFarPlot.escape(study.name())).append("</title>\n<style>body{font-family:sans-serif;max-width:960px;margin:2em auto}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;font-size:12px}</style></head><body>\n");
        out.append("<h1>").append(BestSoFarPlot.escape(study.name())).append("</h1>\n");
        out.append("<p><b>Tuned:</b> ").append(BestSoFarPlot.escape(study.description().subject())).append("<br><b>Metric:</b> ")
                .append(BestSoFarPlot.escape(study.description().metric())).append(" (").append(study.description().direction().name().toLowerCase(Locale.ROOT))
                .append(")<br><b>Initial design:</b> ").append(study.settings().initialDesign()).append(", ").append(study.settings().initialTrials())
                .append(" trials</p>\n");
        study.best().ifPresent(b -> out.append("<p><b>Best:</b> trial ").append(b.number()).append(", value ").append(b.value())
                .append(", ").append(BestSoFarPlot.escape(b.config().toString())).append("</p>\n"));
        out.append(BestSoFarPlot.svg("best so far", List.of(new BestSoFarPlot.Series(study.name(), study.bestSoFar())), null, false));
        out.append("<table><tr><th>#</th><th>source</th><th>state</th><th>value</th><th>configuration</th></tr>\n");
        for (Trial t : study.trials()) {
            out.append("<tr><td>").append(t.number()).append("</td><td>").append(t.source()).append("</td><td>")
                    .append(t.state().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                    .append(t.value() == null ? BestSoFarPlot.escape(t.message() == null ? "" : t.message()) : t.value())
                    .append("</td><td>").append(BestSoFarPlot.escape(t.config().toString())).append("</td></tr>\n");
        }
        out.append("</table>\n");
        if (!study.warmStart().isEmpty()) {
            out.append("<h2>Warm start: the language model's exchanges</h2>\n");
            study.warmStart().forEach(e -> out.append("<details><summary>").append(e.prompt()).append(": ").append(e.accepted())
                    .append(" accepted, ").append(e.dropped().size()).append(" dropped</summary><pre>")
                    .append(BestSoFarPlot.escape(e.user())).append("\n\n--- reply ---\n").append(BestSoFarPlot.escape(e.reply()))
                    .append("</pre></details>\n"));
        }
        return out.append("</body></html>\n").toString();
    }
}
