package dev.optagent.tuning.study;

/**
 * What is tuned, in words a domain expert (or the language model acting as one) can act on.
 *
 * @param subject   what is being tuned ("the CP-SAT solver on a weekly job-shop model")
 * @param metric    what one trial measures ("seconds to a proven optimum")
 * @param direction minimise or maximise the metric
 * @param context   anything else that helps: model size and class, hardware, what is known to work
 */
public record ProblemDescription(String subject, String metric, Direction direction, String context) {

    public ProblemDescription {
        subject = subject == null ? "" : subject.strip();
        metric = metric == null ? "" : metric.strip();
        direction = direction == null ? Direction.MINIMIZE : direction;
        context = context == null ? "" : context.strip();
    }

    public static ProblemDescription minimise(String subject, String metric) {
        return new ProblemDescription(subject, metric, Direction.MINIMIZE, "");
    }
}
