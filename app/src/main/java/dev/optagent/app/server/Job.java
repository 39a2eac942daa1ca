package dev.optagent.app.server;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.optagent.agent.AgentResult;
import dev.optagent.agent.StageEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A submitted problem: its stage events as they happen, then its result or its error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Job {

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** What a stream subscriber receives: one stage event, or the end of the job. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Update(String type, StageEvent event, State state, AgentResult result, ProblemDetailsMappers.ProblemDetails error) { }

    private final String id;
    private final Instant submitted = Instant.now();
    private final List<StageEvent> events = new ArrayList<>();
    private final List<Consumer<Update>> subscribers = new ArrayList<>();
    private State state = State.QUEUED;
    private AgentResult result;
    private ProblemDetailsMappers.ProblemDetails error;

    Job(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public Instant getSubmitted() {
        return submitted;
    }

    public synchronized State getState() {
        return state;
    }

    public synchronized List<StageEvent> getEvents() {
        return List.copyOf(events);
    }

    public synchronized AgentResult getResult() {
        return result;
    }

    public synchronized ProblemDetailsMappers.ProblemDetails getError() {
        return error;
    }

    @JsonIgnore
    public synchronized boolean isFinished() {
        return state == State.DONE || state == State.FAILED;
    }

    synchronized void running() {
        state = State.RUNNING;
    }

    void event(StageEvent event) {
        List<Consumer<Update>> targets;
        synchronized (this) {
            events.add(event);
            targets = List.copyOf(subscribers);
        }
        targets.forEach(s -> s.accept(new Update("event", event, null, null, null)));
    }

    void finish(AgentResult answer, ProblemDetailsMappers.ProblemDetails failure) {
        List<Consumer<Update>> targets;
        synchronized (this) {
            result = answer;
            error = failure;
            state = failure == null ? State.DONE : State.FAILED;
            targets = List.copyOf(subscribers);
            subscribers.clear();
        }
        Update end = new Update("finished", null, state, answer, failure);
        targets.forEach(s -> s.accept(end));
    }

    /**
     * Replays the events so far, then streams the rest; {@code onEnd} runs after the final update.
     * Returns false (after replaying everything) when the job had already finished.
     */
    boolean subscribe(Consumer<Update> subscriber) {
        List<StageEvent> past;
        boolean finished;
        synchronized (this) {
            past = List.copyOf(events);
            finished = isFinished();
            if (!finished) subscribers.add(subscriber);
        }
        past.forEach(e -> subscriber.accept(new Update("event", e, null, null, null)));
        if (finished) subscriber.accept(new Update("finished", null, state, result, error));
        return !finished;
    }

    synchronized void unsubscribe(Consumer<Update> subscriber) {
        subscribers.remove(subscriber);
    }
}
