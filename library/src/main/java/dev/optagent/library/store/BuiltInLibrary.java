package dev.optagent.library.store;

import dev.optagent.library.model.Library;
import dev.optagent.library.model.LibraryJson;
import dev.optagent.library.model.Provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Which library a command uses: {@code --library FILE}, else {@code OPTAGENT_LIBRARY}, else the default shipped in the
 * jar (resource {@code library/default.json}); {@code none} means no library at all (prompts exactly as versioned).
 * A JDBC URL ({@code jdbc:postgresql://...}) selects the shared PostgreSQL store.
 */
public final class BuiltInLibrary {

    public static final String NONE = "none";
    public static final String DEFAULT = "default";

    private BuiltInLibrary() {
    }

    /** The spec in force: the option if given, else the environment's, else "default". */
    public static String spec(String option, java.util.Map<String, String> env) {
        if (option != null && !option.isBlank()) return option.trim();
        String configured = env.get("OPTAGENT_LIBRARY");
        return configured != null && !configured.isBlank() ? configured.trim() : DEFAULT;
    }

    /** The library a spec names (an empty one for "none"). */
    public static Library resolve(String spec) {
        if (NONE.equals(spec)) return Library.empty(NONE, Provenance.unmeasured("no library (--library none)"));
        if (DEFAULT.equals(spec)) return shipped();
        if (spec.startsWith("jdbc:")) {
            try (PostgresStore store = PostgresStore.connect(spec)) {
                return store.load();
            }
        }
        return new JsonFileStore(Path.of(spec)).load();
    }

    public static Library shipped() {
        try (InputStream in = BuiltInLibrary.class.getResourceAsStream("/library/default.json")) {
            if (in == null) throw new IllegalStateException("the default library resource library/default.json is missing");
            return LibraryJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the default library");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
