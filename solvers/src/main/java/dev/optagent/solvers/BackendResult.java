package dev.optagent.solvers;

import java.util.Map;

/**
 * What an engine returned, before verification.
 *
 * @param values        one value per variable instance of the ground model (null without a solution)
 * @param duals         constraint instance label to dual value (LP only; empty otherwise)
 * @param reducedCosts  variable instance label to reduced cost (LP only; empty otherwise)
 * @param localOnly     the engine proves local, not global, optimality
 * @param bound         the engine's proven bound on the optimum (dual bound), NaN when it gives none
 */
public record BackendResult(SolveStatus status, double[] values, String backend, String version, String message,
                            Map<String, Double> duals, Map<String, Double> reducedCosts, boolean localOnly, double bound) {

    /** A result without a dual bound. */
    public BackendResult(SolveStatus status, double[] values, String backend, String version, String message,
                         Map<String, Double> duals, Map<String, Double> reducedCosts, boolean localOnly) {
        this(status, values, backend, version, message, duals, reducedCosts, localOnly, Double.NaN);
    }

    public static BackendResult failed(SolveStatus status, String backend, String version, String message) {
        return new BackendResult(status, null, backend, version, message, Map.of(), Map.of(), false);
    }

    public BackendResult withBound(double newBound) {
        return new BackendResult(status, values, backend, version, message, duals, reducedCosts, localOnly, newBound);
    }

    public BackendResult withOutcome(SolveStatus newStatus, String newBackend, String newMessage) {
        return new BackendResult(newStatus, values, newBackend, version, newMessage, duals, reducedCosts, localOnly, bound);
    }
}
