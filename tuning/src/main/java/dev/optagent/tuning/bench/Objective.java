package dev.optagent.tuning.bench;

import dev.optagent.tuning.space.Configuration;

/** A black-box function to minimise or maximise: one evaluation per configuration. May throw to report a failed trial. */
@FunctionalInterface
public interface Objective {
    double evaluate(Configuration config) throws Exception;
}
