package dev.optagent.agent;

/** Receives stage events while a run is in progress. Called on the run's thread; keep it quick. */
@FunctionalInterface
public interface AgentListener {

    void onEvent(StageEvent event);

    AgentListener NONE = event -> { };
}
