package dev.optagent.agent.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads prompt resources. File format: header lines {@code # prompt: NAME}, {@code # version: N},
 * {@code # purpose: ...}, then parts introduced by {@code === system ===}, {@code === user ===} or
 * {@code === text ===}.
 */
public final class PromptLibrary {

    private static final Map<String, PromptTemplate> CACHE = new ConcurrentHashMap<>();

    private PromptLibrary() {
    }

    /** Loads {@code prompts/NAME.vVERSION.md} from the class path. */
    public static PromptTemplate load(String name, int version) {
        return CACHE.computeIfAbsent(name + "@" + version, key -> {
            String resource = "/prompts/" + name + ".v" + version + ".md";
            try (InputStream in = PromptLibrary.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalArgumentException("no prompt resource " + resource);
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Loads a prompt referred to as {@code name@version}. */
    public static PromptTemplate load(String id) {
        int at = id.indexOf('@');
        if (at < 0) throw new IllegalArgumentException("a prompt id is NAME@VERSION, not '" + id + "'");
        return load(id.substring(0, at), Integer.parseInt(id.substring(at + 1)));
    }

    static PromptTemplate parse(String text, String source) {
        String name = null;
        int version = 0;
        String purpose = "";
        Map<String, String> parts = new LinkedHashMap<>();
        String part = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (part == null && line.startsWith("# ")) {
                String header = line.substring(2);
                if (header.startsWith("prompt:")) name = header.substring(7).trim();
                else if (header.startsWith("version:")) version = Integer.parseInt(header.substring(8).trim());
                else if (header.startsWith("purpose:")) purpose = header.substring(8).trim();
                continue;
            }
            if (line.startsWith("=== ") && line.endsWith(" ===")) {
                if (part != null) parts.put(part, body.toString().strip());
                part = line.substring(4, line.length() - 4).trim();
                body.setLength(0);
                continue;
            }
            if (part != null) body.append(line).append('\n');
        }
        if (part != null) parts.put(part, body.toString().strip());
        if (name == null || version == 0 || parts.isEmpty()) {
            throw new IllegalArgumentException(source + " is not a prompt file (needs '# prompt:', '# version:' and a '=== part ===')");
        }
        return new PromptTemplate(name, version, purpose, parts);
    }
}
