package dev.optagent.app.server;

import java.util.List;

/**
 * An error as the API reports it: an RFC 9457 problem-details body with a status, a short title and a
 * specific detail; {@code diagnostics} carries formulation errors (element, position, expected, did-you-mean).
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<?> diagnostics;
    private Integer retryAfterSeconds;

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ApiProblem(int status, String title, String detail, List<?> diagnostics) {
        super(detail);
        this.status = status;
        this.title = title;
        this.diagnostics = diagnostics;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<?> diagnostics() {
        return diagnostics;
    }

    /** Seconds a client should wait before trying again (the Retry-After header), or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ApiProblem retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public static ApiProblem noModel(String howToConfigure) {
        return new ApiProblem(503, "No language model configured", howToConfigure);
    }

    public static ApiProblem busy(int limit, long waitedSeconds) {
        return new ApiProblem(503, "Solver busy", "all " + limit + " solver slots stayed in use for " + waitedSeconds
                + " s; try again in a moment").retryAfter((int) Math.max(1, Math.min(waitedSeconds, 30)));
    }
}
