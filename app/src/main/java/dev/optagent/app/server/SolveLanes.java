package dev.optagent.app.server;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where solves run: a standard lane and an express lane for small models, each a fixed set of platform threads
 * guarded by a fair semaphore. A request waits for a slot at most {@code queueWait}, then is refused (503 with
 * Retry-After). Solves run on platform threads because a native engine call pins a virtual thread's carrier: on
 * virtual threads two solves in native code stop every other request, waiting ones included, on a 2-core machine.
 */
final class SolveLanes implements AutoCloseable {

    enum Lane { STANDARD, EXPRESS }

    private final Slots standard;
    private final Slots express;
    private final Duration queueWait;

    SolveLanes(int standardSlots, int expressSlots, Duration queueWait) {
        this.standard = new Slots("solve", standardSlots);
        this.express = expressSlots > 0 ? new Slots("solve-express", expressSlots) : null;
        this.queueWait = queueWait;
    }

    int standardSlots() {
        return standard.size;
    }

    /**
     * Runs the work in a lane's slot and waits for it. Express work takes an express slot, or a free standard one
     * at once, else waits for an express slot. If the caller is interrupted (its client went away), work that has
     * not started never starts, and running work is interrupted.
     */
    <T> T run(Lane lane, Supplier<T> work) {
        Slots slots = lane == Lane.EXPRESS && express != null ? express : standard;
        try {
            if (slots == express && !express.permits.tryAcquire()) {
                if (standard.permits.tryAcquire()) slots = standard;
                else if (!express.permits.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS)) throw busy(express);
            } else if (slots == standard && !standard.permits.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy(standard);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(503, "Interrupted", "the request ended before a solver slot was free");
        }
        Slots held = slots;
        Future<T> future;
        try {
            future = held.threads.submit(() -> {
                try {
                    return work.get();
                } finally {
                    held.permits.release();
                }
            });
        } catch (RuntimeException e) {
            held.permits.release();
            throw e;
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiProblem(503, "Interrupted", "the request ended before the solve finished");
        } catch (CancellationException e) {
            throw new ApiProblem(503, "Interrupted", "the solve was cancelled");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException("solve failed", e.getCause());
        }
    }

    private ApiProblem busy(Slots slots) {
        return ApiProblem.busy(slots.size, queueWait.toSeconds());
    }

    @Override
    public void close() {
        standard.threads.shutdownNow();
        if (express != null) express.threads.shutdownNow();
    }

    /** One lane: as many threads as permits, so nothing ever queues inside the executor unseen. */
    private static final class Slots {
        final int size;
        final Semaphore permits;
        final ExecutorService threads;

        Slots(String name, int size) {
            this.size = size;
            this.permits = new Semaphore(size, true);
            AtomicInteger count = new AtomicInteger();
            this.threads = Executors.newFixedThreadPool(size, runnable -> {
                Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }
}
