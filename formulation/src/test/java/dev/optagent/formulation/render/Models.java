package dev.optagent.formulation.render;

import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.ground.GroundModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Test models and line matching shared by the render tests. */
final class Models {

    private Models() {
    }

    static Formulation resource(String path) {
        try (InputStream in = Models.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + path);
            return FormulationJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Formulation transport() {
        return resource("/transport.json");
    }

    /** Indicator, quadratic objective and row, a range, a free and an integer variable, an objective constant. */
    static Formulation facility() {
        return resource("/render/facility.json");
    }

    /** Two continuous variables x, y (y free) and the given objective and constraints (JSON array text). */
    static GroundModel twoVariables(String sense, String objective, String constraints) {
        return GroundModel.of(FormulationJson.parse("""
                {
                  "name": "small",
                  "variables": [
                    {"name": "x", "upper": 10},
                    {"name": "y", "lower": "-inf"},
                    {"name": "b", "type": "binary"}
                  ],
                  "objective": {"sense": "%s", "expression": "%s"},
                  "constraints": %s
                }
                """.formatted(sense, objective, constraints)));
    }

    /** The whitespace-separated fields of each line, for formats whose column alignment is cosmetic. */
    static List<List<String>> fieldLines(String text) {
        return text.lines().map(line -> Arrays.asList(line.trim().split("\\s+"))).toList();
    }

    static boolean hasFields(String text, String... fields) {
        return fieldLines(text).contains(List.of(fields));
    }

    /** Section headers (lines starting in column 1, not comments) in order. */
    static List<String> sections(String text, String comment) {
        return text.lines().filter(l -> !l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith(comment)).toList();
    }
}
