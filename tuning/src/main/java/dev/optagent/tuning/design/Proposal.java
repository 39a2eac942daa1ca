package dev.optagent.tuning.design;

import dev.optagent.tuning.space.Configuration;

import java.util.List;

/** An initial design's configurations and, for the language model's, the exchanges that produced them. */
public record Proposal(List<Configuration> configurations, List<ModelExchange> exchanges) {

    public Proposal {
        configurations = List.copyOf(configurations);
        exchanges = exchanges == null ? List.of() : List.copyOf(exchanges);
    }

    public static Proposal of(List<Configuration> configurations) {
        return new Proposal(configurations, List.of());
    }
}
