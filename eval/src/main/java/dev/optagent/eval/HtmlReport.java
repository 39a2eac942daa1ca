package dev.optagent.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no network) with accuracy by
 * problem type under each rule, failure categories, the distributions of tokens and wall time, and the
 * per-problem table linking each row to its trace.
 */
final class HtmlReport {

    private static final String STRICT_COLOUR = "#2b6cb0";
    private static final String LENIENT_COLOUR = "#90cdf4";

    private HtmlReport() {
    }

    static String render(Summary summary, List<ProblemResult> results) {
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>OptAgent evaluation: ")
                .append(escape(summary.dataset())).append("</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#1a202c}")
                .append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e2e8f0;padding:4px 6px;text-align:left}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}.ok{color:#2f855a}.no{color:#c53030}")
                .append("section{margin:1.5em 0}.charts{display:flex;flex-wrap:wrap;gap:2em}figure{margin:0}figcaption{font-weight:600}")
                .append("</style></head><body>");
        html.append("<h1>Evaluation: ").append(escape(summary.dataset())).append("</h1>");
        html.append("<p>Model <b>").append(escape(summary.model())).append("</b>, ").append(summary.count()).append(" problems. Strict (relative error ≤ 1e-6): <b>")
                .append(Reports.percent(summary.accuracy().get("strict"))).append("</b>; lenient (≤ 5%): <b>")
                .append(Reports.percent(summary.accuracy().get("lenient"))).append("</b>. ")
                .append(summary.cost().get("llmCalls")).append(" LLM calls, ")
                .append(summary.cost().get("inputTokens")).append(" input and ").append(summary.cost().get("outputTokens"))
                .append(" output tokens.");
        if (((Number) summary.optiBench().get("count")).intValue() > 0) {
            html.append(" OptiBench rule (objective and every gold variable value within 1e-4), on the ")
                    .append(summary.optiBench().get("count")).append(" problems with gold values: <b>")
                    .append(Reports.percent((double) summary.optiBench().get("accuracy"))).append("</b>.");
        }
        html.append("</p>");

        html.append("<section class=\"charts\">");
        if (summary.byBenchmark().size() > 1) {
            html.append(figure("Accuracy by benchmark (dark: strict, light: lenient)", pairedBars(accuracyBars(summary.byBenchmark()))));
        }
        html.append(figure("Accuracy by problem type (dark: strict, light: lenient)", pairedBars(accuracyBars(summary.byType()))));
        if (!summary.byAssumptions().isEmpty()) {
            html.append(figure("Accuracy with and without stated assumptions", pairedBars(accuracyBars(summary.byAssumptions()))));
        }
        if (!summary.byConfidence().isEmpty()) {
            html.append(figure("Accuracy by sample agreement", pairedBars(accuracyBars(summary.byConfidence()))));
        }
        Map<String, Double> failures = new LinkedHashMap<>();
        summary.failures().forEach((category, count) -> failures.put(category, count.doubleValue()));
        html.append(figure("Outcomes under the strict rule", bars(failures, "#4a5568")));
        html.append(figure("Tokens per problem", bars(histogram(results.stream().mapToDouble(r -> r.inputTokens() + r.outputTokens()).toArray()), "#805ad5")));
        html.append(figure("Wall seconds per problem", bars(histogram(results.stream().mapToDouble(r -> r.wallMillis() / 1000.0).toArray()), "#dd6b20")));
        html.append("</section>");

        html.append("<section><h2>Problems</h2><table><thead><tr><th>id</th><th>type</th><th>status</th><th>predicted</th><th>gold</th>")
                .append("<th>strict</th><th>5%</th><th>repairs</th><th>calls</th><th>tokens</th><th>s</th><th>trace</th></tr></thead><tbody>");
        for (ProblemResult r : results) {
            html.append("<tr><td>").append(escape(r.id())).append("</td><td>").append(escape(r.type() == null ? "" : r.type()))
                    .append("</td><td>").append(r.status() == null ? r.failure() : r.status())
                    .append("</td><td class=n>").append(Reports.number(r.predicted())).append("</td><td class=n>").append(Reports.number(r.gold()))
                    .append("</td><td class=").append(r.correctStrict() ? "ok>✓" : "no>✗").append("</td><td class=")
                    .append(r.correctLenient() ? "ok>✓" : "no>✗").append("</td><td class=n>").append(r.repairRounds())
                    .append("</td><td class=n>").append(r.llmCalls()).append("</td><td class=n>").append(r.inputTokens() + r.outputTokens())
                    .append("</td><td class=n>").append(String.format(Locale.ROOT, "%.1f", r.wallMillis() / 1000.0)).append("</td><td>")
                    .append(r.trace() == null ? "" : "<a href=\"traces/" + escape(r.trace()) + "\">trace</a>").append("</td></tr>");
        }
        html.append("</tbody></table></section></body></html>\n");
        return html.toString();
    }

    private static String figure(String caption, String svg) {
        return "<figure><figcaption>" + escape(caption) + "</figcaption>" + svg + "</figure>";
    }

    /** Horizontal bars, two per label (strict and lenient), on a 0..1 scale. */
    private static String pairedBars(Map<String, double[]> values) {
        int rowHeight = 30;
        int height = Math.max(1, values.size()) * rowHeight + 10;
        StringBuilder svg = new StringBuilder("<svg width=\"460\" height=\"" + height + "\" role=\"img\">");
        int y = 5;
        for (Map.Entry<String, double[]> entry : values.entrySet()) {
            svg.append(text(0, y + 15, entry.getKey()));
            svg.append(rect(160, y, 250 * entry.getValue()[1], 12, LENIENT_COLOUR));
            svg.append(rect(160, y + 13, 250 * entry.getValue()[0], 12, STRICT_COLOUR));
            svg.append(text(415, y + 15, Reports.percent(entry.getValue()[0]) + " / " + Reports.percent(entry.getValue()[1])));
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    private static String bars(Map<String, Double> values, String colour) {
        double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        int height = Math.max(1, values.size()) * 20 + 10;
        StringBuilder svg = new StringBuilder("<svg width=\"460\" height=\"" + height + "\" role=\"img\">");
        int y = 5;
        for (Map.Entry<String, Double> entry : values.entrySet()) {
            svg.append(text(0, y + 12, entry.getKey()));
            svg.append(rect(160, y, max == 0 ? 0 : 250 * entry.getValue() / max, 14, colour));
            svg.append(text(415, y + 12, Reports.number(entry.getValue())));
            y += 20;
        }
        return svg.append("</svg>").toString();
    }

    /** Eight equal-width bins from the minimum to the maximum. */
    private static Map<String, Double> histogram(double[] values) {
        Map<String, Double> bins = new LinkedHashMap<>();
        if (values.length == 0) return bins;
        double lo = java.util.Arrays.stream(values).min().orElse(0);
        double hi = java.util.Arrays.stream(values).max().orElse(0);
        int count = hi == lo ? 1 : 8;
        double width = hi == lo ? 1 : (hi - lo) / count;
        List<Double> counts = new ArrayList<>();
        for (int k = 0; k < count; k++) counts.add(0.0);
        for (double v : values) {
            int bin = (int) Math.min(count - 1, Math.floor((v - lo) / width));
            counts.set(bin, counts.get(bin) + 1);
        }
        for (int k = 0; k < count; k++) {
            bins.put(compact(lo + k * width) + "–" + compact(lo + (k + 1) * width), counts.get(k));
        }
        return bins;
    }

    private static String rect(double x, double y, double width, double height, String colour) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x, y, Math.max(0, width), height, colour);
    }

    private static String text(double x, double y, String text) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">%s</text>", x, y, escape(text));
    }

    private static String compact(double value) {
        return value >= 1000 ? String.format(Locale.ROOT, "%.0fk", value / 1000) : String.format(Locale.ROOT, "%.0f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Map<String, double[]> accuracyBars(Map<String, Map<String, Object>> groups) {
        Map<String, double[]> bars = new LinkedHashMap<>();
        groups.forEach((name, stats) -> bars.put(name + " (" + stats.get("count") + ")",
                new double[] {((Number) stats.get("strict")).doubleValue(), ((Number) stats.get("lenient")).doubleValue()}));
        return bars;
    }
}
