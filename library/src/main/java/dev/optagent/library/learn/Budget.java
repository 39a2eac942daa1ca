package dev.optagent.library.learn;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** LLM calls and wall time a learning run may spend; both checked before each task and each verification. */
public final class Budget {

    private final int maxCalls;
    private final long deadlineNanos;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();
    /** What the current thread's task has spent: tasks run concurrently, so a difference of the totals would count the others'. */
    private final ThreadLocal<Meter> taskMeter = new ThreadLocal<>();

    /** @param maxCalls 0 for no limit; @param time null for no limit */
    public Budget(int maxCalls, Duration time, int alreadySpent) {
        this.maxCalls = maxCalls;
        this.deadlineNanos = time == null ? Long.MAX_VALUE : System.nanoTime() + time.toNanos();
        calls.set(alreadySpent);
    }

    public static Budget unlimited() {
        return new Budget(0, null, 0);
    }

    public void spend(int llmCalls, long input, long output) {
        calls.addAndGet(llmCalls);
        inputTokens.addAndGet(input);
        outputTokens.addAndGet(output);
        Meter meter = taskMeter.get();
        if (meter != null) meter.add(llmCalls, input, output);
    }

    /** Starts metering what this thread spends from now on (one task's cost), replacing any earlier meter of the thread. */
    public Meter meter() {
        Meter meter = new Meter();
        taskMeter.set(meter);
        return meter;
    }

    /** One task's spending, charged on the thread that {@link #meter()} was called on. */
    public static final class Meter {
        private int calls;
        private long inputTokens;
        private long outputTokens;

        private void add(int llmCalls, long input, long output) {
            calls += llmCalls;
            inputTokens += input;
            outputTokens += output;
        }

        public int calls() {
            return calls;
        }

        public long inputTokens() {
            return inputTokens;
        }

        public long outputTokens() {
            return outputTokens;
        }
    }

    public boolean exhausted() {
        return (maxCalls > 0 && calls.get() >= maxCalls) || System.nanoTime() >= deadlineNanos;
    }

    public String why() {
        return maxCalls > 0 && calls.get() >= maxCalls ? "the call budget (" + maxCalls + " calls) is spent" : "the time budget is spent";
    }

    public int calls() {
        return calls.get();
    }

    public long inputTokens() {
        return inputTokens.get();
    }

    public long outputTokens() {
        return outputTokens.get();
    }
}
