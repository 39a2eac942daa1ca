package dev.optagent.app.server;

import dev.optagent.formulation.io.AtomicFile;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.OptAgent;
import dev.optagent.agent.insight.InsightSource;
import dev.optagent.agent.llm.LlmClient;
import dev.optagent.datasets.Problem;
import dev.optagent.eval.Scoring;
import dev.optagent.library.learn.Budget;
import dev.optagent.library.learn.Diagnoser;
import dev.optagent.library.learn.LearnConfig;
import dev.optagent.library.learn.LearnJournal;
import dev.optagent.library.learn.Learner;
import dev.optagent.library.learn.Progress;
import dev.optagent.library.model.FeedbackCase;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.LibraryJson;
import dev.optagent.library.model.Status;
import dev.optagent.library.retrieval.Embedder;
import dev.optagent.library.retrieval.LibraryInsightSource;
import dev.optagent.library.retrieval.RetrievalConfig;
import dev.optagent.library.store.BuiltInLibrary;
import dev.optagent.library.store.JsonFileStore;
import dev.optagent.library.store.LibraryStore;
import dev.optagent.library.store.PostgresStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The server's experience library ({@code OPTAGENT_LIBRARY}: a file, a JDBC URL, {@code default} or {@code none}): the
 * insight source of every agent run, and the place user feedback goes. A case with an expected value (or a corrected
 * model, solved here) is learned from in the background with the server's model; what it teaches goes live after it
 * verifies, and, when {@code OPTAGENT_LIBRARY_ADMIN_KEY} is set, only after an admin approves it. The shipped default
 * is read-only: feedback is then recorded but not learned from.
 */
@ApplicationScoped
public class LibraryService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(LibraryService.class);

    private final String spec;
    private final Optional<String> adminKey;
    private final LibraryStore store;
    private final Path feedbackFile;
    private final ChatModelSource models;
    private final ExecutorService learning = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "library-learning");
        t.setDaemon(true);
        return t;
    });
    private volatile Library library;
    private volatile InsightSource source;

    @Inject
    public LibraryService(ServerConfig config, ChatModelSource models) {
        this.spec = config.library().trim();
        this.adminKey = config.libraryAdminKey().filter(k -> !k.isBlank());
        Optional<String> feedback = config.libraryFeedback();
        this.models = models;
        this.store = this.spec.startsWith("jdbc:") ? PostgresStore.connect(this.spec)
                : BuiltInLibrary.NONE.equals(this.spec) || BuiltInLibrary.DEFAULT.equals(this.spec) ? null
                : JsonFileStore.createIfMissing(Path.of(this.spec), "server");
        this.feedbackFile = feedback.isPresent() ? Path.of(feedback.get())
                : store instanceof JsonFileStore file ? file.file().resolveSibling(file.file().getFileName() + ".feedback.json")
                : Path.of(config.runsDir(), "library-feedback.json");
        reload();
    }

    /** Always the current library's insights (the agent is built once; the library may grow under it). */
    public InsightSource source() {
        return (stage, problem) -> source.relevant(stage, problem);
    }

    public Library library() {
        return library;
    }

    public String spec() {
        return spec;
    }

    public boolean writable() {
        return store != null;
    }

    public boolean approvalRequired() {
        return adminKey.isPresent();
    }

    private synchronized void reload() {
        library = store != null ? store.load() : BuiltInLibrary.resolve(spec);
        source = BuiltInLibrary.NONE.equals(spec) ? InsightSource.none()
                : LibraryInsightSource.of(library, Embedder.miniLm(), RetrievalConfig.defaults(), false);
    }

    public synchronized List<FeedbackCase> feedback() {
        if (!Files.isRegularFile(feedbackFile)) return List.of();
        try {
            return LibraryJson.JSON.readValue(feedbackFile.toFile(), new TypeReference<List<FeedbackCase>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + feedbackFile + ": " + e.getMessage(), e);
        }
    }

    private synchronized void save(FeedbackCase updated) {
        List<FeedbackCase> cases = new ArrayList<>(feedback());
        cases.removeIf(c -> c.id().equals(updated.id()));
        cases.add(updated);
        try {
            AtomicFile.write(feedbackFile, LibraryJson.JSON.writeValueAsBytes(cases));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + feedbackFile + ": " + e.getMessage(), e);
        }
    }

    /** Records a case and, when it has a gold value and the library is writable, learns from it in the background. */
    public FeedbackCase report(String problem, Double answered, String reason, Double expected, String formulation, Double formulationObjective) {
        Double gold = expected != null ? expected : formulationObjective;
        String id = caseId(problem);
        String state = gold == null ? "needs-gold" : store == null ? "recorded" : "pending";
        String outcome = gold == null ? "an expected value or a corrected model is needed to verify what it teaches"
                : store == null ? "the server runs the shipped read-only library; set OPTAGENT_LIBRARY to a file or a JDBC URL to learn from feedback"
                : "queued for learning";
        FeedbackCase created = new FeedbackCase(id, Instant.now().toString(), problem, answered, reason, gold, formulation, state, outcome);
        save(created);
        if ("pending".equals(state)) learning.submit(() -> learn(created));
        return created;
    }

    /** Records a user's "this answer is right": a case whose known value is the answer, kept, not learned from. */
    public FeedbackCase confirm(String problem, double answered, String note) {
        FeedbackCase created = new FeedbackCase(caseId(problem), Instant.now().toString(), problem, answered, note, answered, null,
                "confirmed", "the user confirmed this answer; kept as a case with a known answer");
        save(created);
        return created;
    }

    private static String caseId(String problem) {
        return "user-" + Long.toHexString(System.currentTimeMillis()) + "-" + Integer.toHexString(problem.hashCode() & 0xfff);
    }

    private void learn(FeedbackCase feedback) {
        try {
            var model = models.model().orElseThrow(() -> new IllegalStateException("no language model is configured"));
            AgentConfig config = AgentConfig.defaults();
            Budget budget = new Budget(20, Duration.ofMinutes(10), 0);
            Embedder embedder = Embedder.cached(Embedder.miniLm());
            Problem task = new Problem(feedback.id(), feedback.problem(), feedback.expected(), null, null);
            Diagnoser diagnoser = new Diagnoser(config.llmClient(model), budget);
            Learner learner = new Learner(store, (t, lib, sample) -> OptAgent.builder().chatModel(model).config(config)
                    .insights(LibraryInsightSource.of(lib, embedder, RetrievalConfig.defaults(), false)).build().solve(t.question()),
                    (t, status, objective) -> Scoring.correct(t.answer(), status, objective, Scoring.STRICT), diagnoser,
                    LearnConfig.defaults(modelName()).withApproval(approvalRequired()), budget, embedder,
                    new LearnJournal(feedbackFile.resolveSibling(feedbackFile.getFileName() + ".journal.jsonl")), Progress.silent(), "user");
            learner.learn(List.of(task));
            var entry = new LearnJournal(feedbackFile.resolveSibling(feedbackFile.getFileName() + ".journal.jsonl")).entries().stream()
                    .filter(e -> e.task().equals(feedback.id())).findFirst();
            String outcome = entry.map(e -> e.solved() ? "the agent now answers it correctly; nothing to learn"
                    : e.accepted().isEmpty() ? "no insight verified (see the library's rejected candidates for " + feedback.id() + ")"
                    : "learned " + e.accepted() + (approvalRequired() ? ", awaiting admin approval" : ", live")).orElse("not finished");
            save(feedback.with(entry.isPresent() && !entry.get().accepted().isEmpty() ? "learned" : "unverified", outcome));
        } catch (RuntimeException e) {
            LOG.warnf("learning from feedback %s failed: %s", feedback.id(), e.getMessage());
            save(feedback.with("unverified", "learning failed: " + e.getMessage()));
        } finally {
            reload();
        }
    }

    private String modelName() {
        return models.selection().model() == null ? "unknown" : models.selection().model();
    }

    /** An admin's approval: a verified candidate goes live. */
    public Library approve(String id, String presentedKey) {
        if (adminKey.isEmpty()) throw new ApiProblem(409, "No approval needed", "no admin key is configured: verified insights go live by themselves");
        if (presentedKey == null || !ApiKeys.matches(adminKey.get(), presentedKey)) {
            throw new ApiProblem(403, "Admin key required", "approving an insight needs the admin key (X-Admin-Key)");
        }
        if (store == null) throw new ApiProblem(409, "Read-only library", "the server runs the shipped read-only library");
        var insight = library.find(id).orElseThrow(() -> new ApiProblem(404, "No such insight", "no insight " + id));
        if (insight.status() != Status.CANDIDATE) throw new ApiProblem(409, "Not a candidate", "insight " + id + " is " + insight.status().json());
        store.update(l -> l.update(id, i -> i.withStatus(Status.ACTIVE, i.statusReason() + "; approved " + java.time.LocalDate.now())));
        reload();
        return library;
    }
}
