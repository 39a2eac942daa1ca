package dev.optagent.solvers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Stops a native solve when the thread running it is interrupted (a server cancels the solve of a client that hung
 * up). Java's interrupt does not reach native code, so one daemon watcher looks at the registered solving threads
 * every {@value #PERIOD_MS} ms and, while a thread is interrupted, calls its engine's own stop ({@code
 * MPSolver.interruptSolve}, {@code CpSolver.stopSearch}). The stop is repeated each tick because an engine ignores a
 * stop that comes before its search has started; both calls are made for use from another thread.
 */
public final class EngineInterrupt {

    static final long PERIOD_MS = 100;

    private static final Map<Thread, Runnable> SOLVING = new ConcurrentHashMap<>();
    private static volatile ScheduledExecutorService watcher;

    private EngineInterrupt() {
    }

    /** Runs {@code solve} on this thread; {@code stop} is called from the watcher while this thread is interrupted. */
    public static <T> T during(Runnable stop, Supplier<T> solve) {
        Thread solving = Thread.currentThread();
        SOLVING.put(solving, stop);
        watch();
        try {
            return solve.get();
        } finally {
            SOLVING.remove(solving);
        }
    }

    private static void watch() {
        if (watcher == null) {
            synchronized (EngineInterrupt.class) {
                if (watcher == null) {
                    ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "engine-interrupt");
                        t.setDaemon(true);
                        return t;
                    });
                    started.scheduleWithFixedDelay(EngineInterrupt::stopInterrupted, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
                    watcher = started;
                }
            }
        }
    }

    private static void stopInterrupted() {
        SOLVING.forEach((thread, stop) -> {
            if (thread.isInterrupted()) {
                try {
                    stop.run();
                } catch (RuntimeException e) {
                    // an engine that cannot stop ends at its time limit; the watcher must keep watching the others
                }
            }
        });
    }
}
