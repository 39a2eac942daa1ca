package dev.optagent.library.retrieval;

import dev.optagent.agent.insight.InsightSource;
import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Library;

import java.util.List;

/**
 * The experience library behind the agent's {@link InsightSource} seam. Shows, per the AlphaOPT finding, only the
 * explanation and the example ({@code insights@1}); with {@code conditions} on ({@code insights@2}) each candidate also
 * carries its id and condition, so the model can check the condition itself and say which it applied. The condition is
 * also handed to the agent apart from the text, for the separate applicability check of {@code insights@3}.
 */
public final class LibraryInsightSource implements InsightSource {

    private final Retriever retriever;
    private final boolean conditions;
    private final String origin;

    public LibraryInsightSource(Retriever retriever, boolean conditions, String origin) {
        this.retriever = retriever;
        this.conditions = conditions;
        this.origin = origin;
    }

    public static InsightSource of(Library library, Embedder embedder, RetrievalConfig config, boolean conditions) {
        if (library.active().isEmpty()) return InsightSource.none();
        return new LibraryInsightSource(new Retriever(library, embedder, config), conditions, library.name());
    }

    @Override
    public List<dev.optagent.agent.insight.Insight> relevant(String stage, String problem) {
        return retriever.retrieve(stage, problem).stream()
                .map(ranked -> new dev.optagent.agent.insight.Insight(ranked.insight().id(), text(ranked.insight(), conditions), origin,
                        ranked.insight().condition()))
                .toList();
    }

    /** The lesson as the model reads it. */
    static String text(Insight insight, boolean withCondition) {
        StringBuilder text = new StringBuilder();
        if (withCondition) text.append('[').append(insight.id()).append("] Applies when: ").append(insight.condition().strip()).append("\n  Lesson: ");
        text.append(insight.explanation().strip());
        if (insight.example() != null && insight.example().wrong() != null && insight.example().right() != null) {
            text.append("\n  Wrong: ").append(oneLine(insight.example().wrong())).append("\n  Right: ").append(oneLine(insight.example().right()));
        }
        return text.toString();
    }

    private static String oneLine(String fragment) {
        return fragment.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
