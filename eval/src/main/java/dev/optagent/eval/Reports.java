package dev.optagent.eval;

import dev.optagent.formulation.render.ReadableNumber;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes {@code summary.json}, {@code summary.md} and {@code report.html} for a run. */
public final class Reports {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Reports() {
    }

    public static Summary write(Path out, String dataset, String model, List<ProblemResult> results) {
        Summary summary = Summary.of(dataset, model, results);
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("summary.json"), JSON.writeValueAsString(summary));
            Files.writeString(out.resolve("summary.md"), markdown(summary, results, Provenance.firstStart(out)));
            Files.writeString(out.resolve("report.html"), HtmlReport.render(summary, results));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + out + ": " + e.getMessage(), e);
        }
        return summary;
    }

    static String markdown(Summary summary, List<ProblemResult> results) {
        return markdown(summary, results, null);
    }

    static String markdown(Summary summary, List<ProblemResult> results, com.fasterxml.jackson.databind.JsonNode provenance) {
        StringBuilder md = new StringBuilder();
        md.append("# Evaluation: ").append(summary.dataset()).append("\n\n");
        md.append("Model: ").append(summary.model()).append(". Problems: ").append(summary.count()).append(".\n\n");
        if (provenance != null) {
            var data = provenance.path("data");
            var config = provenance.path("agentConfig");
            md.append("Provenance (`run.json`): data ").append(data.path("release").asText(data.path("file").asText("?")));
            if (data.hasNonNull("publishedSource")) md.append(" from ").append(data.path("publishedSource").asText());
            md.append(", sha256 ").append(data.path("sha256").asText("?").substring(0, Math.min(12, data.path("sha256").asText("?").length())));
            md.append("; OptAgent ").append(provenance.path("optagentCommit").asText("unknown"));
            if (!config.isMissingNode() && !config.isNull()) {
                md.append("; prompts ").append(config.path("formulate").path("prompt").asText()).append(" / ")
                        .append(config.path("repair").path("prompt").asText()).append(", repair rounds ")
                        .append(config.path("repairRounds").asInt()).append(", samples ").append(config.path("samples").asInt())
                        .append(config.path("understandSeparately").asBoolean() ? ", separate understand stage" : "");
            }
            md.append("; started ").append(provenance.path("startedAt").asText()).append(" on ").append(provenance.path("cores").asInt())
                    .append(" cores, Java ").append(provenance.path("java").asText()).append(".\n\n");
        }
        md.append("| rule | correct | accuracy |\n|---|---:|---:|\n");
        summary.correct().forEach((rule, k) -> md.append("| ").append(rule).append(rule.equals("strict") ? " (rel. 1e-6)" : " (rel. 5%)")
                .append(" | ").append(k).append(" | ").append(percent(summary.accuracy().get(rule))).append(" |\n"));
        long applicable = ((Number) summary.optiBench().get("count")).longValue();
        if (applicable > 0) {
            md.append("| OptiBench (objective and every gold variable value, 1e-4) | ").append(summary.optiBench().get("correct"))
                    .append(" of ").append(applicable).append(" | ").append(percent((double) summary.optiBench().get("accuracy"))).append(" |\n");
        }
        if (summary.byBenchmark().size() > 1) {
            md.append("\n| benchmark | problems | strict | lenient |\n|---|---:|---:|---:|\n");
            summary.byBenchmark().forEach((name, group) -> md.append("| ").append(name).append(" | ").append(group.get("count"))
                    .append(" | ").append(percent((double) group.get("strict"))).append(" | ").append(percent((double) group.get("lenient"))).append(" |\n"));
        }
        if (!summary.byConfidence().isEmpty()) {
            md.append("\n| sample agreement | answers | strict | lenient |\n|---|---:|---:|---:|\n");
            summary.byConfidence().forEach((level, group) -> md.append("| ").append(level).append(" | ").append(group.get("count"))
                    .append(" | ").append(percent((double) group.get("strict"))).append(" | ").append(percent((double) group.get("lenient"))).append(" |\n"));
        }
        if (!summary.byAssumptions().isEmpty()) {
            md.append("\n| assumptions stated | answers | strict | lenient |\n|---|---:|---:|---:|\n");
            summary.byAssumptions().forEach((kind, group) -> md.append("| ").append(kind).append(" | ").append(group.get("count"))
                    .append(" | ").append(percent((double) group.get("strict"))).append(" | ").append(percent((double) group.get("lenient"))).append(" |\n"));
        }
        if (summary.unanswered() > 0) {
            md.append("\n**").append(summary.unanswered()).append(" of ").append(summary.count())
                    .append(" problems got no answer from the model** (provider errors or time-outs): not a verdict on the agent; "
                            + "run the same command again to ask them again.\n");
        }
        md.append("\nFailures (strict): ");
        summary.failures().forEach((category, k) -> md.append(category).append(' ').append(k).append("; "));
        md.append("\n\nCost: ").append(summary.cost().get("llmCalls")).append(" LLM calls, ")
                .append(summary.cost().get("inputTokens")).append(" input + ").append(summary.cost().get("outputTokens"))
                .append(" output tokens; mean ").append(String.format(Locale.ROOT, "%.2f", (double) summary.cost().get("meanLlmCalls")))
                .append(" calls and ").append(String.format(Locale.ROOT, "%.0f", (double) summary.cost().get("meanTokens")))
                .append(" tokens per problem.\n\n");
        md.append("| id | type | status | predicted | gold | strict | 5% | repairs | calls | tokens | seconds |\n");
        md.append("|---|---|---|---:|---:|:-:|:-:|---:|---:|---:|---:|\n");
        for (ProblemResult r : results) {
            md.append("| ").append(r.id()).append(" | ").append(r.type() == null ? "" : r.type()).append(" | ")
                    .append(r.status() == null ? r.failure() : r.status()).append(" | ").append(number(r.predicted())).append(" | ")
                    .append(number(r.gold())).append(" | ").append(r.correctStrict() ? "✓" : "✗").append(" | ")
                    .append(r.correctLenient() ? "✓" : "✗").append(" | ").append(r.repairRounds()).append(" | ").append(r.llmCalls())
                    .append(" | ").append(r.inputTokens() + r.outputTokens()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", r.wallMillis() / 1000.0)).append(" |\n");
        }
        return md.toString();
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    /** Ten significant digits: enough to see why a value missed the strict 1e-6 rule. */
    private static final int SCORING_DIGITS = 10;

    static String number(Double value) {
        if (value == null) return "—";
        return ReadableNumber.of(value, SCORING_DIGITS);
    }
}
