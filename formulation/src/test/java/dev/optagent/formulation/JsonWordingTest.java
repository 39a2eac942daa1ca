package dev.optagent.formulation;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Document errors are said in the format's words: paths, JSON shapes, bytes and offsets; no Java or Jackson names. */
class JsonWordingTest {

    private static final Pattern INTERNAL = Pattern.compile("`|java\\.|JsonToken|JsonReadFeature|Exception|START_ARRAY|Cannot deserialize");

    private static String message(String json) {
        FormulationException e = assertThrows(FormulationException.class, () -> FormulationJson.parse(json));
        String text = e.diagnostics().getFirst().toString();
        assertFalse(INTERNAL.matcher(text).find(), text);
        return text;
    }

    @Test
    void aWrongShapeNamesThePathAndBothShapes() {
        String text = message("""
                {"variables": [{"name": "x"}], "constraints": [{"expression": "x >= 1"}, {"expression": "x <= 3"},
                  {"name": ["a", "b"], "expression": "x <= 2"}]}""");
        assertTrue(text.contains("constraints[2].name: expected a text, found a list"), text);
        assertTrue(message("{\"variables\": {\"name\": \"x\"}}").contains("variables: expected a list, found an object"));
        assertTrue(message("{\"sets\": [3]}").contains("sets[0]: expected an object, found a number"));
    }

    @Test
    void nonNumbersAreNamedAsJsonDoesNotAllowThem() {
        for (String literal : new String[] {"NaN", "Infinity", "-Infinity"}) {
            String text = message("{\"variables\": [{\"name\": \"x\", \"upper\": " + literal + "}]}");
            assertTrue(text.contains("is not a number in JSON"), text);
        }
    }

    @Test
    void bytesThatAreNotUtf8AreNamedWithTheirOffset() {
        byte[] bytes = "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        byte[] broken = "{\"name\":\"\u00ff\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        FormulationException e = assertThrows(FormulationException.class, () -> FormulationJson.parse(broken));
        assertEquals("ERROR formulation at 9: the file is not UTF-8 text: byte 0xFF at offset 9; expected a JSON document saved as UTF-8",
                e.diagnostics().getFirst().toString());
        assertEquals("caf\u00e9", FormulationJson.parse(bytes).name());
    }

    @Test
    void trailingTextDuplicateFieldsAndDepthAreRefusedInWords() {
        assertTrue(message("{\"variables\": [{\"name\": \"x\"}]} {}").contains("more text after the end"));
        assertTrue(message("{\"name\": \"a\", \"name\": \"b\"}").contains("appears twice"));
        assertTrue(message("{\"description\": " + "[".repeat(1500) + "]".repeat(1500) + "}").contains("expected a text")
                || message("{\"description\": " + "[".repeat(1500) + "]".repeat(1500) + "}").contains("deeper than 1000"));
        assertTrue(message("{\"variables\": [{\"name\": \"x\", \"type\": \"complex\"}]}").contains("unknown variable type"));
        assertTrue(message("{\"variables\": [").contains("ends too early"));
        assertTrue(message("{\"variables\": [{'name': 'x'}]}").contains("double quotes"));
    }
}
