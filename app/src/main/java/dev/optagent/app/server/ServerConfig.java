package dev.optagent.app.server;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The server's own settings ({@code optagent.*} in application.properties, or {@code OPTAGENT_*} in the environment). */
@ConfigMapping(prefix = "optagent")
public interface ServerConfig {

    /**
     * Solves (agent runs and formulation solves) in flight at once in the standard lane; further requests wait
     * up to {@link #queueWait()}, then get 503 with Retry-After. 0 (the default) sizes it to the machine: one per
     * processor, at least 2.
     */
    @WithDefault("0")
    int maxConcurrentSolves();

    /** Extra solver slots kept for small models (linear programs up to a size), so they never wait behind big ones. */
    @WithDefault("1")
    int expressSolves();

    /** How long a request waits for a free solver slot before 503 with Retry-After. */
    @WithDefault("30s")
    Duration queueWait();

    /** Set by {@code optagent serve} for its child JVM: the launcher's pid, whose exit ends the app (ParentWatch). */
    Optional<Long> parentPid();

    /** Where accepted jobs are stored (as files, written atomically), so they survive a restart. */
    @WithDefault("data")
    String dataDir();

    /** Solver time limit per solve. */
    @WithDefault("60s")
    Duration solveTimeLimit();

    /** How long a synchronous request waits for its answer before it is told to use a job instead. */
    @WithDefault("120s")
    Duration syncWait();

    /** Longest problem text or chat message accepted. */
    @WithDefault("20000")
    int maxProblemChars();

    RateLimit rateLimit();

    /** A workflow file to run instead of the built-in workflow ({@code OPTAGENT_WORKFLOW}; see docs/workflow.md). */
    Optional<String> workflow();

    /** When set, REST and WebSocket clients must present it ({@code X-API-Key}, {@code Authorization: Bearer}, or {@code ?key=} for WebSocket). */
    Optional<String> apiKey();

    /** Evaluation runs listed by the API (directories holding summary.json). */
    @WithDefault("runs")
    String runsDir();

    /** The experience library: a JSON file, a {@code jdbc:postgresql://} URL, {@code default} (shipped) or {@code none}. */
    @WithDefault("default")
    String library();

    /** When set, insights learned from user feedback go live only after an admin approves them ({@code X-Admin-Key}). */
    Optional<String> libraryAdminKey();

    /** Where user feedback cases are kept (default: beside a file library, else in the runs directory). */
    Optional<String> libraryFeedback();

    /** Limits of the REST ask/tell tuning studies (docs/tuning.md). */
    Tuning tuning();

    interface Tuning {
        /** Studies kept at once (under {@code data-dir}/studies). */
        @WithDefault("100")
        int maxStudies();

        /** Trials per study. */
        @WithDefault("1000")
        int maxTrials();

        /** Parameters per search space. */
        @WithDefault("30")
        int maxParameters();

        /** Suggestions per request (q). */
        @WithDefault("16")
        int maxBatch();
    }

    /** How many stored conversations are kept, and for how long. */
    Conversations conversations();

    interface Conversations {
        /** The newest this many are kept; older ones are deleted when a conversation starts (0: no limit). */
        @WithDefault("500")
        int maxCount();

        /** Conversations not saved for this long are deleted when a conversation starts (0: no limit). */
        @WithDefault("90d")
        Duration maxAge();
    }

    interface RateLimit {
        /** API requests per client per minute. */
        @WithDefault("120")
        int perMinute();
    }
}
