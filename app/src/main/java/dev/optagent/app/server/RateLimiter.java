package dev.optagent.app.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-client request budget: a fixed one-minute window per client address. Coarse on purpose: it stops a
 * runaway script, not a determined attacker (that is the reverse proxy's job).
 */
@ApplicationScoped
public class RateLimiter {

    private record Window(long minute, AtomicInteger count) { }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final int perMinute;

    @Inject
    public RateLimiter(ServerConfig config) {
        this.perMinute = config.rateLimit().perMinute();
    }

    public boolean allow(String client) {
        long minute = System.currentTimeMillis() / 60_000;
        Window window = windows.compute(client, (k, w) -> w == null || w.minute() != minute ? new Window(minute, new AtomicInteger()) : w);
        if (windows.size() > 10_000) windows.entrySet().removeIf(e -> e.getValue().minute() != minute);
        return window.count().incrementAndGet() <= perMinute;
    }
}
