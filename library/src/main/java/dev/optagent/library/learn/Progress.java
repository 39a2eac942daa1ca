package dev.optagent.library.learn;

import java.io.PrintStream;

/** The learning run's progress: a redrawn bar with ETA on a terminal, one line per task otherwise. */
public final class Progress {

    private final PrintStream out;
    private final boolean bar;
    private final long start = System.nanoTime();

    public Progress(PrintStream out, boolean bar) {
        this.out = out;
        this.bar = bar;
    }

    public static Progress silent() {
        return new Progress(new PrintStream(java.io.OutputStream.nullOutputStream()), false);
    }

    public void message(String text) {
        synchronized (out) {
            if (bar) out.print("\r\u001b[K");
            out.println(text);
            out.flush();
        }
    }

    /** @param finished tasks finished in this start; @param total tasks to run in this start */
    public void task(int finished, int total, String task, String verdict, int kept, int rejected, int calls) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        double eta = finished == 0 ? 0 : (total - finished) * elapsed / finished;
        synchronized (out) {
            if (bar) {
                int width = 30;
                int filled = total == 0 ? width : finished * width / total;
                out.printf("\r[%s%s] %d/%d  kept %d, rejected %d, %d calls  ETA %-7s last: %s %s\u001b[K", "#".repeat(filled),
                        ".".repeat(width - filled), finished, total, kept, rejected, calls, duration(eta), task, verdict);
                if (finished == total) out.println();
            } else {
                out.printf("[%d/%d] %-24s %-28s kept %d, rejected %d, %d calls, ETA %s%n", finished, total, task, verdict, kept, rejected,
                        calls, duration(eta));
            }
            out.flush();
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? (s / 3600) + "h" + (s % 3600 / 60) + "m" : s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }
}
