package dev.optagent.eval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * @param limit          at most this many problems (in file order), 0 for all
 * @param ids            only these problem ids (empty for all)
 * @param concurrency    problems in flight at once
 * @param problemBudget  wall-clock budget per problem; past it the problem counts as TIMEOUT
 * @param shard          this process's shard index (0-based) of {@code shards}
 */
public record EvalOptions(Path out, int limit, Set<String> ids, int concurrency, Duration problemBudget, int shard, int shards) {

    public EvalOptions {
        ids = ids == null ? Set.of() : Set.copyOf(ids);
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
        if (shards < 1 || shard < 0 || shard >= shards) throw new IllegalArgumentException("shard must be i/n with 0 <= i < n");
    }
}
