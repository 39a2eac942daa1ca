package dev.optagent.solvers.diagnosis;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The smallest change that makes an infeasible model feasible, by an elastic relaxation: every constraint
 * instance may be violated at a price of one per unit, and the total violation is minimised.
 *
 * @param totalViolation  the minimal sum of the amounts (in each constraint's own units)
 * @param changes         the constraint instances to relax, largest amount first
 * @param explanation     the change in plain words
 */
@JsonPropertyOrder({"totalViolation", "changes", "explanation"})
public record Relaxation(double totalViolation, List<Change> changes, String explanation) {

    public Relaxation {
        changes = List.copyOf(changes);
    }

    /**
     * Relax one bound of one constraint instance.
     *
     * @param constraint  the instance, as {@code demand_met[new-york]}
     * @param family      its declared constraint name
     * @param bound       {@code "lower"} (a requirement, {@code >=}) or {@code "upper"} (a limit, {@code <=}) — an
     *                    equality relaxes one of the two
     * @param amount      how far that bound moves
     * @param from        the bound as the model has it
     * @param to          the bound that makes the model feasible
     */
    @JsonPropertyOrder({"constraint", "family", "bound", "amount", "from", "to"})
    public record Change(String constraint, String family, String bound, double amount, double from, double to) {

        /** "lower the requirement of demand_met[topeka] from 275 to 250 (by 25)". */
        public String words() {
            String what = "lower".equals(bound) ? (to < from ? "lower the requirement of " : "raise the requirement of ")
                    : (to > from ? "raise the limit of " : "lower the limit of ");
            return what + constraint + " from " + number(from) + " to " + number(to) + " (by " + number(amount) + ")";
        }

        private static String number(double value) {
            return dev.optagent.formulation.render.ReadableNumber.of(value);
        }
    }
}
