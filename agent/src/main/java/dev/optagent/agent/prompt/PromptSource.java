package dev.optagent.agent.prompt;

import java.util.Map;

/**
 * Where the pipeline gets its prompts. The default is the versioned library; a workflow may replace parts of
 * a prompt (its instructions) while keeping its name, version and placeholders.
 */
@FunctionalInterface
public interface PromptSource {

    PromptTemplate load(String id);

    /** The versioned prompt resources, exactly as shipped. */
    static PromptSource library() {
        return PromptLibrary::load;
    }

    /**
     * The library with some parts replaced: {@code parts} maps a prompt id ({@code repair@1}) to part name to
     * text. A prompt without an entry is sent exactly as versioned.
     */
    static PromptSource overriding(Map<String, Map<String, String>> parts) {
        Map<String, Map<String, String>> copy = Map.copyOf(parts);
        if (copy.isEmpty()) return library();
        return id -> {
            PromptTemplate template = PromptLibrary.load(id);
            for (Map.Entry<String, String> part : copy.getOrDefault(id, Map.of()).entrySet()) {
                template.part(part.getKey()); // only an existing part may be replaced
                template = template.withText(part.getKey(), part.getValue(), template.version());
            }
            return template;
        };
    }
}
