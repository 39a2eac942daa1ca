package dev.optagent.agent.check;

/**
 * One thing a check found, worded for the repair prompt.
 *
 * @param blocking true when the formulation cannot be accepted as it is (parse, validation, solver failures);
 *                 false for an expert's suspicion (unused data, integrality, direction) that a repair may address
 */
public record Finding(String code, boolean blocking, String message) {

    public static Finding blocking(String code, String message) {
        return new Finding(code, true, message);
    }

    public static Finding suspicion(String code, String message) {
        return new Finding(code, false, message);
    }

    @Override
    public String toString() {
        return (blocking ? "ERROR " : "CHECK ") + message;
    }
}
