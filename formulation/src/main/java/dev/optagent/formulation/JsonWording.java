package dev.optagent.formulation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a document in the format's own words: {@code constraints[2].name: expected a text,
 * found a list}, never Jackson's type names, token names or feature flags, and never a Java class name.
 */
final class JsonWording {

    /** Anything that still looks like a Java or Jackson name after rewording: the message is replaced whole. */
    private static final Pattern INTERNAL = Pattern.compile(
            "`|\\b(java|javax|com|dev|org)\\.[a-z]|JsonToken|JsonReadFeature|StreamRead|Deserializ|Exception|\\bclass\\b");

    private JsonWording() {
    }

    static Diagnostic describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        int offset = at == null ? -1 : (int) Math.max(-1, at.getCharOffset());
        String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String element = path.isEmpty() ? "formulation" : path;
        if (e instanceof UnrecognizedPropertyException unknown) return unknownField(unknown, path, offset, where);
        String message;
        if (e instanceof StreamConstraintsException limit) {
            message = limit(limit.getOriginalMessage());
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null
                && mismatch.getOriginalMessage().startsWith("Trailing token")) {
            message = "there is more text after the end of the JSON document";
        } else if (e.getCause() instanceof IllegalArgumentException illegal && illegal.getMessage() != null) {
            message = firstLine(illegal.getMessage()); // our own records' and enums' validation, already worded
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "expected " + expected(mismatch) + ", found " + found(mismatch);
        } else {
            message = syntax(e.getOriginalMessage());
        }
        if (INTERNAL.matcher(message).find()) message = "malformed JSON";
        // With a path the element says where; the offset is only kept for syntax errors, which have no path.
        return Diagnostic.error("json", element, null, path.isEmpty() ? offset : -1, message + where);
    }

    /** A strict UTF-8 decoding that names the first bad byte and its offset. */
    static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int position = in.position();
            throw new FormulationException(Diagnostic.error("encoding", "formulation", null, position,
                    "the file is not UTF-8 text: byte 0x" + String.format("%02X", bytes[position] & 0xFF) + " at offset " + position)
                    .expecting("a JSON document saved as UTF-8"));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte-order mark is not content
    }

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static Diagnostic unknownField(UnrecognizedPropertyException unknown, String path, int offset, String where) {
        // The path ends with the unknown field itself; the element is where it was found.
        String owner = path.endsWith(unknown.getPropertyName())
                ? path.substring(0, path.length() - unknown.getPropertyName().length()).replaceAll("\\.$", "") : path;
        String known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                .collect(Collectors.joining(", "));
        Diagnostic d = Diagnostic.error("json.unknown-field", owner.isEmpty() ? "formulation" : owner, unknown.getPropertyName(),
                offset, "unknown field '" + unknown.getPropertyName() + "'" + where).expecting("one of " + known);
        String close = Names.closest(unknown.getPropertyName(),
                unknown.getKnownPropertyIds().stream().map(Object::toString).toList());
        return close == null ? d : d.suggesting("'" + close + "'");
    }

    /** The JSON shape a Java target type stands for. */
    private static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type == String.class || type == Character.class || type == char.class) return "a text";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != void.class)) return "a number";
        if (type.isArray() || Collection.class.isAssignableFrom(type)) return "a list";
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .map(s -> s.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
        }
        if (JsonNode.class.isAssignableFrom(type)) return "a value";
        return "an object"; // a record of the format, or a map
    }

    private static String found(MismatchedInputException e) {
        if (e instanceof InvalidFormatException format && format.getValue() != null) {
            return format.getValue() instanceof String text ? "the text '" + text + "'" : String.valueOf(format.getValue());
        }
        JsonToken token = null;
        // Records are read from a buffer, so the parser may have moved on; Jackson's message names the token.
        java.util.regex.Matcher named = Pattern.compile("JsonToken\\.([A-Z_]+)").matcher(String.valueOf(e.getOriginalMessage()));
        if (named.find()) token = JsonToken.valueOf(named.group(1));
        else if (e.getProcessor() instanceof JsonParser parser) token = parser.currentToken();
        if (token == null) {
            java.util.regex.Matcher from = Pattern.compile("from (Array|Object|String|Number|Integer|Floating-point|Boolean|Null) value")
                    .matcher(String.valueOf(e.getOriginalMessage()));
            if (!from.find()) return "something else";
            return switch (from.group(1)) {
                case "Array" -> "a list";
                case "Object" -> "an object";
                case "String" -> "a text";
                case "Boolean" -> "true or false";
                case "Null" -> "null";
                default -> "a number";
            };
        }
        return switch (token) {
            case START_ARRAY, END_ARRAY -> "a list";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            case VALUE_STRING -> "a text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> "something else";
        };
    }

    private static final Map<String, String> NON_NUMBERS = Map.of("nan", "NaN", "infinity", "Infinity", "+infinity", "+Infinity",
            "-infinity", "-Infinity", "inf", "INF", "+inf", "+INF", "-inf", "-INF");

    /** A parse error: the well-known slips reworded, Jackson's feature hints and source echo dropped. */
    private static String syntax(String original) {
        String text = firstLine(original);
        java.util.regex.Matcher nonStandard = Pattern.compile("Non-standard token '([^']*)'").matcher(text);
        if (nonStandard.find() || text.contains("NaN") || text.contains("Infinity")) {
            String literal = nonStandard.find(0) ? nonStandard.group(1) : "NaN";
            String shown = NON_NUMBERS.getOrDefault(literal.toLowerCase(java.util.Locale.ROOT), literal);
            return shown + " is not a number in JSON; write a finite number (for no bound write \"inf\" or \"-inf\" as text)";
        }
        if (text.startsWith("Duplicate field")) {
            return text.replace("Duplicate field", "the field").replaceAll("\\s*$", "") + " appears twice in one object";
        }
        if (text.startsWith("Unexpected end-of-input")) return "the document ends too early (a bracket or brace is not closed)";
        if (text.startsWith("No content to map")) return "the document is empty";
        if (text.contains("has to be escaped")) return "a text contains a raw control character (write \\n for a line break)";
        if (text.contains("was expecting double-quote to start field name")) {
            return "expected a field name in double quotes, as in {\"name\": ...} (no trailing comma, no single quotes)";
        }
        if (text.contains("for a leading zero")) return "a number has a leading zero";
        return text.replaceAll("\\s*\\[Source:.*", "").replaceAll("\\s*\\(code \\d+\\)", "")
                .replaceAll(";?\\s*(enable|disable)\\s*`[^`]*`.*", "").replaceAll("\\s*\\(for [A-Za-z]+ starting at.*", "").trim();
    }

    private static String limit(String original) {
        String text = original == null ? "" : original;
        if (text.contains("nesting depth")) return "the document nests deeper than 1000 levels of lists and objects";
        if (text.contains("Number value length") || text.contains("Number length")) return "a number has more than 1000 digits";
        if (text.contains("String value length") || text.contains("String length")) return "a text is longer than the limit of 20,000,000 characters";
        if (text.contains("Name length")) return "a field name is longer than the limit of 50,000 characters";
        return "the document exceeds a size limit";
    }

    private static String firstLine(String text) {
        if (text == null) return "malformed JSON";
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
