package dev.optagent.library.retrieval;

import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.SeedTaxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stage 1 of retrieval, with no LLM call: ranks a library's active insights for one problem by the embedding
 * similarity of problem and condition (+ taxonomy label), the words they share, and the taxonomy label's cue words.
 * Insight embeddings are computed once, when the retriever is built; a problem's once per problem (cached), since the
 * agent asks at every stage of a run. Thread-safe.
 */
public final class Retriever {

    private record Entry(Insight insight, float[] vector, Lexical.Condition condition, List<String> cues) {
    }

    private final List<Entry> entries;
    private final Embedder embedder;
    private final RetrievalConfig config;
    private final SeedTaxonomy taxonomy = SeedTaxonomy.builtIn();
    private final Map<String, float[]> problemVectors = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > 256;
        }
    });

    public Retriever(Library library, Embedder embedder, RetrievalConfig config) {
        this(library.active(), embedder, config);
    }

    public Retriever(List<Insight> insights, Embedder embedder, RetrievalConfig config) {
        this.embedder = embedder;
        this.config = config;
        List<Entry> built = new ArrayList<>();
        for (Insight insight : insights) {
            built.add(new Entry(insight, embedder.embed(indexText(insight)), Lexical.Condition.of(insight.condition()),
                    taxonomy.cues(insight.taxonomy().level2())));
        }
        this.entries = List.copyOf(built);
    }

    /** What an insight is found by: its taxonomy label and the positive part of its condition. */
    static String indexText(Insight insight) {
        return insight.taxonomy().level2() + ": " + Lexical.positivePart(insight.condition());
    }

    /**
     * The part of a problem that is embedded: its opening words, where the kind of problem is stated. Long statements
     * with data tables would otherwise cost several model windows for little signal (the lexical signals still see
     * the whole text).
     */
    static String head(String problem) {
        if (problem.length() <= HEAD_CHARS) return problem;
        int cut = problem.lastIndexOf(' ', HEAD_CHARS);
        return problem.substring(0, cut > 0 ? cut : HEAD_CHARS);
    }

    /** ≈ 150 words, well within one MiniLM window of 256 word pieces. */
    static final int HEAD_CHARS = 800;

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Every active insight for this stage, best first, with its signals (no threshold, no cut). */
    public List<Ranked> rankAll(String stage, String problem) {
        List<Ranked> ranked = new ArrayList<>();
        if (entries.isEmpty()) return ranked;
        float[] query = problemVectors.computeIfAbsent(problem, text -> embedder.embed(head(text)));
        String lower = problem.toLowerCase(Locale.ROOT);
        Set<String> words = Lexical.words(problem);
        Map<String, Double> cueScores = new java.util.HashMap<>();
        for (Entry entry : entries) {
            if (!appliesAt(entry.insight(), stage)) continue;
            double semantic = Embedder.cosine(query, entry.vector());
            double lexical = Lexical.overlap(words, lower, entry.condition());
            double cues = cueScores.computeIfAbsent(entry.insight().taxonomy().level2(), label -> Lexical.cues(lower, entry.cues()));
            double score = config.semanticWeight() * semantic + config.lexicalWeight() * lexical + config.taxonomyWeight() * cues;
            ranked.add(new Ranked(entry.insight(), score, semantic, lexical, cues));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
        return ranked;
    }

    /** The top candidates above the threshold. */
    public List<Ranked> retrieve(String stage, String problem) {
        return rankAll(stage, problem).stream().filter(r -> r.score() >= config.minScore()).limit(config.topK()).toList();
    }

    /** Formulate-stage lessons also guide a revision (the same modeling choices); repair lessons only repairs. */
    static boolean appliesAt(Insight insight, String stage) {
        String own = insight.taxonomy().stage();
        return own.equals(stage) || ("formulate".equals(own) && "revise".equals(stage));
    }
}
