package dev.optagent.app.server;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The server's own settings ({@code optagent.*} in application.properties, or {@code OPTAGENT_*} in the environment). */
@ConfigMapping(prefix = "optagent")
public interface ServerConfig {

    /** Solves (agent runs and formulation solves) in flight at once; further requests wait, then get 503. */
    @WithDefault("4")
    int maxConcurrentSolves();

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

    /** When set, REST and WebSocket clients must present it ({@code X-API-Key}, {@code Authorization: Bearer}, or {@code ?key=} for WebSocket). */
    Optional<String> apiKey();

    /** Evaluation runs listed by the API (directories holding summary.json). */
    @WithDefault("runs")
    String runsDir();

    /** Where the web app keeps its conversations (one JSON file each, under conversations/). */
    @WithDefault("data")
    String dataDir();

    interface RateLimit {
        /** API requests per client per minute. */
        @WithDefault("120")
        int perMinute();
    }
}
