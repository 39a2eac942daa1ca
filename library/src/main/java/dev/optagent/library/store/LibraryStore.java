package dev.optagent.library.store;

import dev.optagent.library.model.Library;

import java.util.function.UnaryOperator;

/**
 * Where a library lives. Readers take a snapshot; writers change it through {@link #update}, which applies the change
 * to the latest stored state atomically, so concurrent learners never lose or duplicate each other's insights.
 */
public interface LibraryStore extends AutoCloseable {

    Library load();

    /** Applies {@code change} to the latest stored library and stores the result durably before returning it. */
    Library update(UnaryOperator<Library> change);

    /** What this store is, for provenance ("file:/path", "postgresql://host/db"). */
    String describe();

    @Override
    default void close() {
    }
}
