package dev.optagent.app.server;

import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.llm.LlmClient;
import dev.optagent.tuning.Optimizer;
import dev.optagent.tuning.design.InitialDesign;
import dev.optagent.tuning.llm.ChatCall;
import dev.optagent.tuning.llm.LlmWarmStart;
import dev.optagent.tuning.llm.SpaceProposer;
import dev.optagent.tuning.space.Configuration;
import dev.optagent.tuning.space.InvalidConfigurationException;
import dev.optagent.tuning.space.SearchSpace;
import dev.optagent.tuning.study.ProblemDescription;
import dev.optagent.tuning.study.Study;
import dev.optagent.tuning.study.StudyFile;
import dev.optagent.tuning.study.StudySettings;
import dev.optagent.tuning.study.Trial;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Users' black-box studies by ask and tell: one tuning {@link Optimizer} per study, each persisted in its own
 * resumable study file under {@code optagent.data-dir}/studies (rewritten atomically after every ask and tell), so
 * a restart, even a kill -9, loses no finished trial. Studies are opened from their files on first use.
 */
@ApplicationScoped
public class TuningService {

    private static final Logger LOG = Logger.getLogger(TuningService.class);
    /** Names become file names: nothing else reaches the file system. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final String SUFFIX = ".study.json";
    /** Calls the model may make for one warm start or one space proposal (the first and two re-asks). */
    private static final int MODEL_CALLS = 3;
    private static final double WARM_START_TEMPERATURE = 0.7;
    private static final double PROPOSAL_TEMPERATURE = 0.3;

    /** A study as the list shows it. */
    public record Summary(String name, String subject, String metric, String direction, int trials, int complete, int pending,
                          Double best, String updated) { }

    @Inject
    ServerConfig config;

    @Inject
    ChatModelSource models;

    private final Map<String, Optimizer> open = new ConcurrentHashMap<>();

    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    private Path dir() {
        return Paths.get(config.dataDir(), "studies");
    }

    private StudyFile file(String name) {
        return new StudyFile(dir().resolve(name + SUFFIX));
    }

    /**
     * Creates a study and draws its initial design now (the LLM warm start asks the model here), so a failing
     * model is reported at creation and no half-made study is left behind.
     */
    public synchronized Study create(String name, ProblemDescription description, SearchSpace space, String warmStart,
                                     int initialTrials, long seed) {
        requireName(name);
        if (file(name).exists()) throw new ApiProblem(409, "Study exists", "a study named '" + name + "' exists; pick another name or delete it");
        if (names().size() >= config.tuning().maxStudies()) {
            throw new ApiProblem(409, "Too many studies", "at most " + config.tuning().maxStudies() + " studies are kept; delete one first");
        }
        InitialDesign design = design(warmStart);
        Optimizer optimizer = Optimizer.builder(space).name(name).description(description).initialDesign(design)
                .settings(new StudySettings(design.name(), initialTrials, null, seed, 0)).studyFile(file(name)).build();
        try {
            optimizer.prepare();
        } catch (RuntimeException e) {
            discard(name);
            LOG.warnf("warm start of study %s failed: %s", name, e.getMessage());
            throw new ApiProblem(502, "The language model failed", "the warm start could not be drawn: " + e.getMessage()
                    + "; try again, or use the sobol or random warm start");
        }
        open.put(name, optimizer);
        return optimizer.study();
    }

    public Study study(String name) {
        return optimizer(name).study();
    }

    /**
     * Up to q configurations to evaluate: the trials already suggested and not yet told come first, new ones are asked
     * only for the rest — so asking again (a reload, a retry) repeats the same suggestions instead of piling up new ones.
     */
    public List<Trial> suggestions(String name, int q) {
        if (q < 1 || q > config.tuning().maxBatch()) {
            throw new ApiProblem(400, "Bad batch size", "q is between 1 and " + config.tuning().maxBatch() + ", not " + q);
        }
        Optimizer optimizer = optimizer(name);
        synchronized (optimizer) {
            List<Trial> trials = optimizer.study().trials();
            List<Trial> out = new ArrayList<>(trials.stream().filter(t -> t.state() == Trial.TrialState.PENDING).limit(q).toList());
            int more = q - out.size();
            if (more > 0) {
                int room = config.tuning().maxTrials() - trials.size();
                if (room <= 0 && out.isEmpty()) {
                    throw new ApiProblem(409, "Trial limit reached", "the study has " + trials.size() + " trials, the most a study may hold");
                }
                if (room > 0) out.addAll(optimizer.ask(Math.min(more, room)));
            }
            return out;
        }
    }

    /** The measured value of a suggested trial, or (value null) its failure. */
    public Trial tell(String name, int number, Double value, String failure) {
        Optimizer optimizer = optimizer(name);
        synchronized (optimizer) {
            List<Trial> trials = optimizer.study().trials();
            if (number < 0 || number >= trials.size()) {
                throw new ApiProblem(404, "No such trial", "study '" + name + "' has trials 0 to " + (trials.size() - 1) + ", not " + number);
            }
            if (trials.get(number).state() != Trial.TrialState.PENDING) {
                throw new ApiProblem(409, "Trial already told", "trial " + number + " is already "
                        + trials.get(number).state().name().toLowerCase(java.util.Locale.ROOT));
            }
            return value == null ? optimizer.tellFailure(number, failure) : optimizer.tell(number, value);
        }
    }

    /** A value measured for a configuration of the user's own choosing. */
    public Trial tellConfiguration(String name, Map<String, Object> config, double value) {
        Optimizer optimizer = optimizer(name);
        synchronized (optimizer) {
            if (optimizer.study().trials().size() >= this.config.tuning().maxTrials()) {
                throw new ApiProblem(409, "Trial limit reached", "the study holds the most trials a study may hold");
            }
            try {
                return optimizer.tell(new Configuration(config), value);
            } catch (InvalidConfigurationException e) {
                throw new ApiProblem(400, "Configuration outside the space", e.getMessage(), e.problems());
            }
        }
    }

    public List<Summary> list() {
        List<Summary> out = new ArrayList<>();
        for (String name : names()) {
            try {
                Study s = study(name);
                out.add(new Summary(name, s.description().subject(), s.description().metric(),
                        s.description().direction().name().toLowerCase(java.util.Locale.ROOT), s.trials().size(),
                        (int) s.trials().stream().filter(Trial::isComplete).count(),
                        (int) s.trials().stream().filter(t -> t.state() == Trial.TrialState.PENDING).count(),
                        s.best().map(Trial::value).orElse(null), updated(s)));
            } catch (ApiProblem e) {
                LOG.warnf("study file %s is unreadable: %s", name, e.getMessage());
            }
        }
        out.sort(Comparator.comparing(Summary::updated, Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    public synchronized boolean delete(String name) {
        if (!validName(name)) return false;
        Optimizer optimizer = open.remove(name);
        if (optimizer != null) {
            synchronized (optimizer) {
                return discard(name);
            }
        }
        return discard(name);
    }

    /** The language model proposes a space, metric and direction for what the user describes. */
    public SpaceProposer.SpaceProposal propose(String description) {
        if (description == null || description.isBlank()) throw new ApiProblem(400, "Nothing described", "describe what you are tuning, in words");
        if (description.length() > config.maxProblemChars()) {
            throw new ApiProblem(413, "Description too long", "at most " + config.maxProblemChars() + " characters");
        }
        try {
            return new SpaceProposer(chat(PROPOSAL_TEMPERATURE), MODEL_CALLS, config.tuning().maxParameters()).propose(description);
        } catch (SpaceProposer.NoUsableSpace e) {
            throw new ApiProblem(422, "No usable space proposed", e.getMessage(), e.exchanges());
        } catch (ApiProblem e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("space proposal failed: %s", e.getMessage());
            throw new ApiProblem(502, "The language model failed", String.valueOf(e.getMessage()));
        }
    }

    public int maxParameters() {
        return config.tuning().maxParameters();
    }

    private Optimizer optimizer(String name) {
        requireName(name);
        Optimizer optimizer = open.get(name);
        if (optimizer != null) return optimizer;
        synchronized (this) {
            optimizer = open.get(name);
            if (optimizer != null) return optimizer;
            StudyFile file = file(name);
            if (!file.exists()) throw new ApiProblem(404, "No such study", "no study named '" + name + "'");
            try {
                // The design was drawn at creation; a warm start already made is read from the file, never asked again.
                optimizer = Optimizer.resume(file, null);
            } catch (RuntimeException e) {
                throw new ApiProblem(500, "Unreadable study", "the file of study '" + name + "' cannot be read: " + e.getMessage());
            }
            open.put(name, optimizer);
            return optimizer;
        }
    }

    private InitialDesign design(String warmStart) {
        String chosen = warmStart == null || warmStart.isBlank() ? "sobol" : warmStart.strip().toLowerCase(java.util.Locale.ROOT);
        if (chosen.equals("llm")) return new LlmWarmStart(chat(WARM_START_TEMPERATURE), MODEL_CALLS);
        try {
            return InitialDesign.named(chosen);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, "Unknown warm start", "warmStart is llm, sobol, lhs or random, not '" + warmStart + "'");
        }
    }

    private ChatCall chat(double temperature) {
        var model = models.model().orElseThrow(() -> ApiProblem.noModel(models.selection().howToConfigure()));
        AgentConfig agent = AgentConfig.defaults();
        return ChatCall.of(new LlmClient(model, agent.maxAttempts(), agent.initialBackoff(), agent.callTimeout()), temperature);
    }

    private static void requireName(String name) {
        if (!validName(name)) {
            throw new ApiProblem(400, "Bad study name", "a study name is 1 to 64 letters, digits, '-' or '_', starting with a letter or digit");
        }
    }

    private List<String> names() {
        if (!Files.isDirectory(dir())) return List.of();
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(SUFFIX))
                    .map(f -> f.substring(0, f.length() - SUFFIX.length())).filter(TuningService::validName).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean discard(String name) {
        try {
            return Files.deleteIfExists(file(name).path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String updated(Study s) {
        return s.trials().stream().map(t -> Optional.ofNullable(t.finishedAt()).orElse(t.askedAt())).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).map(Object::toString).orElse(null);
    }
}
