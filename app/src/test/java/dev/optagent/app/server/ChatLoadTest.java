package dev.optagent.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.agent.llm.ScriptedChatModel;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load on loopback, bounded in count and time: many concurrent chat sessions, each asking one problem of a
 * scripted model with a fixed latency. Not part of the default build; run with
 * {@code ./mvnw -pl app test -Dtest.excludedGroups= -Dgroups=load [-Dload.sessions=N -Dload.latency=MS]}.
 * Prints throughput, p50/p99 latency and errors, and writes them to target/load-report.txt.
 */
@QuarkusTest
@TestProfile(ChatLoadTest.Roomy.class)
@Tag("load")
class ChatLoadTest {

    public static class Roomy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("optagent.max-concurrent-solves", System.getProperty("load.slots", "64"),
                    "optagent.rate-limit.per-minute", "1000000");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void manyConcurrentChatSessions() throws Exception {
        int sessions = Integer.getInteger("load.sessions", 400);
        int concurrency = Integer.getInteger("load.concurrency", 100);
        int latency = Integer.getInteger("load.latency", 250);
        ScriptedChatModel model = new ScriptedChatModel().withLatency(Duration.ofMillis(latency));
        for (int i = 0; i < sessions; i++) model.reply(TestModels.desks("integer", 12));
        TestModels.use(model);

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.Semaphore open = new java.util.concurrent.Semaphore(concurrency);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                open.acquireUninterruptibly();
                futures.add(pool.submit(() -> {
                    try (ChatClient chat = new ChatClient(base, null)) {
                        chat.until("status", 30);
                        long t0 = System.nanoTime();
                        chat.send(Map.of("type", "ask", "text", TestModels.DESKS_PROBLEM));
                        JsonNode answer = chat.until("answer", 120).getLast();
                        if (answer.path("answer").path("objective").asDouble() != 84.0) {
                            errors.incrementAndGet();
                            failures.add(answer.toString());
                        }
                        else latencies.add((System.nanoTime() - t0) / 1_000_000);
                    } catch (Exception | AssertionError e) {
                        errors.incrementAndGet();
                        failures.add(String.valueOf(e.getMessage()));
                    } finally {
                        open.release();
                    }
                }));
            }
            for (Future<?> f : futures) f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        String report = String.format(Locale.ROOT,
                "sessions=%d concurrency=%d model_latency_ms=%d wall_s=%.2f throughput_per_s=%.1f p50_ms=%d p99_ms=%d max_ms=%d errors=%d cores=%d",
                sessions, concurrency, latency, seconds, latencies.size() / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.getLast(), errors.get(), Runtime.getRuntime().availableProcessors());
        System.out.println("LOAD " + report);
        failures.stream().limit(3).forEach(f -> System.out.println("LOAD failure: " + (f.length() > 400 ? f.substring(0, 400) : f)));
        Files.writeString(Path.of("target", "load-report.txt"), report + "\n");
        org.junit.jupiter.api.Assertions.assertEquals(0, errors.get(), report);
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
