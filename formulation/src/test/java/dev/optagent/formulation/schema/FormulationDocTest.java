package dev.optagent.formulation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.formulation.Diagnostic;
import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.ground.GroundModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps {@code docs/formulation.md} honest: every complete formulation in a {@code json} block conforms to
 * the schema and grounds, and when a {@code text} block of {@code ERROR}/{@code WARNING} lines follows it
 * (with at most a short sentence between), those are exactly the diagnostics it produces; otherwise it
 * must produce none.
 */
class FormulationDocTest {

    private static final Path DOC = FormulationSchemaTest.docs().resolve("formulation.md");
    private static final Pattern BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);

    private record Block(String language, String text, int start, int end) { }

    private static List<Block> blocks() throws IOException {
        String markdown = Files.readString(DOC, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(markdown);
        while (m.find()) blocks.add(new Block(m.group(1), m.group(2), m.start(), m.end()));
        return blocks;
    }

    private static boolean isDiagnostics(Block block) {
        return block.language().equals("text") && (block.text().startsWith("ERROR") || block.text().startsWith("WARNING"));
    }

    /** What validation prints for a formulation: its errors, or else its warnings, one per line. */
    private static List<String> diagnostics(String json) {
        try {
            return GroundModel.of(FormulationJson.parse(json)).warnings().stream().map(Diagnostic::toString).toList();
        } catch (FormulationException e) {
            return e.diagnostics().stream().map(Diagnostic::toString).toList();
        }
    }

    /** The output block comes right after the example: at most a short sentence between, no heading. */
    private static boolean follows(String markdown, Block example, Block output) {
        String between = markdown.substring(example.end(), output.start());
        return between.length() <= 200 && !between.contains("\n#");
    }

    @Test
    void everyCompleteExampleConformsAndGroundsAsDocumented() throws IOException {
        String markdown = Files.readString(DOC, StandardCharsets.UTF_8);
        List<Block> blocks = blocks();
        JsonNode schema = FormulationSchema.schema();
        int examples = 0;
        for (int k = 0; k < blocks.size(); k++) {
            Block block = blocks.get(k);
            if (!block.language().equals("json")) continue;
            if (!block.text().strip().startsWith("{")) continue; // a fragment such as "objectives": [...]
            JsonNode document = FormulationJson.mapper().readTree(block.text());
            if (!document.has("variables")) continue; // a fragment of a document
            examples++;
            String name = document.path("name").asText();
            assertEquals(List.of(), MiniValidator.validate(schema, document), name);
            Block next = k + 1 < blocks.size() ? blocks.get(k + 1) : null;
            boolean documented = next != null && isDiagnostics(next) && follows(markdown, block, next);
            List<String> expected = documented ? next.text().strip().lines().toList() : List.of();
            assertEquals(expected, diagnostics(block.text()), "diagnostics of the example '" + name + "' in " + DOC);
        }
        assertTrue(examples >= 3, "expected the complete examples of " + DOC + ", found " + examples);
    }

    @Test
    void workedExampleReportsGroundingErrorsOnceTheStaticOnesAreFixed() throws IOException {
        List<Block> blocks = blocks();
        String kiosk = blocks.stream().filter(b -> b.language().equals("json") && b.text().contains("\"kiosk\""))
                .findFirst().orElseThrow().text();
        String fixed = kiosk.replace("\"sopu\"", "\"soup\"").replace("prices[", "price[").replace("60 staff", "60 * staff");
        String documented = blocks.stream().filter(b -> isDiagnostics(b) && b.text().contains("soup_early"))
                .findFirst().orElseThrow().text().strip();
        assertEquals(List.of(documented), diagnostics(fixed));
    }
}
