package dev.optagent.app.cli;

import dev.optagent.agent.insight.InsightSource;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.LibraryJson;
import dev.optagent.library.retrieval.Embedder;
import dev.optagent.library.retrieval.LibraryInsightSource;
import dev.optagent.library.retrieval.RetrievalConfig;
import dev.optagent.library.store.BuiltInLibrary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The experience library a command runs with ({@code --library}, {@code OPTAGENT_LIBRARY}, the shipped default, or
 * none), as the agent's insight source, with what a run records about it.
 */
record LibraryChoice(String spec, Library library, InsightSource source) {

    static LibraryChoice of(String option, String insightsPrompt) {
        String spec = BuiltInLibrary.spec(option, System.getenv());
        Library library = BuiltInLibrary.resolve(spec);
        InsightSource source = BuiltInLibrary.NONE.equals(spec) ? InsightSource.none()
                : LibraryInsightSource.of(library, Embedder.miniLm(), RetrievalConfig.defaults(), "insights@2".equals(insightsPrompt));
        return new LibraryChoice(spec, library, source);
    }

    /** For run.json: which library, its checksum, how many insights were live, whether it was measured. */
    Map<String, Object> provenance() {
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("spec", spec.startsWith("jdbc:") ? spec.replaceAll("(?i)(password=)[^&]*", "$1***") : spec);
        recorded.put("name", library.name());
        recorded.put("sha256", LibraryJson.checksum(library));
        recorded.put("activeInsights", library.active().size());
        recorded.put("measured", library.provenance() != null && library.provenance().measured());
        return recorded;
    }
}
