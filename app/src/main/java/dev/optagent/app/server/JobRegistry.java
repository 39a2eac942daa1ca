package dev.optagent.app.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optagent.agent.AgentResult;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Submitted problems, run on virtual threads and stored at every change of state ({@link RecordStore}), so a
 * job that was accepted answers after a restart: with its result when it had finished, FAILED "interrupted by
 * a restart" when it had not. The newest {@value #KEPT} jobs stay in memory; older ones are read from the store.
 */
@ApplicationScoped
public class JobRegistry {

    private static final Logger LOG = Logger.getLogger(JobRegistry.class);
    static final int KEPT = 500;
    static final String INTERRUPTED = "interrupted by a restart";
    /** Job ids are UUIDs; anything else is no job (and never a path or a key). */
    static final java.util.regex.Pattern JOB_ID = java.util.regex.Pattern.compile("[0-9a-fA-F-]{36}");

    @Inject
    AgentService agent;

    @Inject
    ServerConfig config;

    @Inject
    ObjectMapper json;

    private volatile RecordStore store;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Job> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT;
        }
    };

    /** At start-up, before any request: jobs a previous process left unfinished end FAILED, for good. */
    void recover(@Observes StartupEvent started) {
        int interrupted = markInterrupted(store(), json);
        if (interrupted > 0) LOG.infof("%d job(s) left unfinished by the previous run marked FAILED (%s)", interrupted, INTERRUPTED);
    }

    /** Rewrites every stored QUEUED or RUNNING job as FAILED with the reason {@value #INTERRUPTED}; returns how many. */
    static int markInterrupted(RecordStore store, ObjectMapper json) {
        int interrupted = 0;
        for (ObjectNode record : store.all()) {
            if (!(record.get("job") instanceof ObjectNode job)) continue;
            String state = job.path("state").asText();
            if (state.equals(Job.State.QUEUED.name()) || state.equals(Job.State.RUNNING.name())) {
                job.put("state", Job.State.FAILED.name());
                job.set("error", json.valueToTree(new ProblemDetailsMappers.ProblemDetails("about:blank", "Interrupted", 503,
                        INTERRUPTED + "; submit the problem again", null)));
                store.save(job.path("id").asText(), record);
                interrupted++;
            }
        }
        return interrupted;
    }

    private RecordStore store() {
        if (store == null) {
            synchronized (this) {
                if (store == null) store = RecordStore.of("jobs", JOB_ID, config, json);
            }
        }
        return store;
    }

    public Job submit(String problem) {
        agent.checkedText(problem, "problem");
        Job job = new Job(UUID.randomUUID().toString());
        try {
            persist(job, problem); // acknowledged only once stored
        } catch (RuntimeException e) {
            LOG.error("cannot store a new job", e);
            throw new ApiProblem(503, "Cannot store the job", "the server cannot write its job store; try again later");
        }
        synchronized (jobs) {
            jobs.put(job.getId(), job);
        }
        executor.submit(() -> {
            job.running();
            persistQuietly(job, problem);
            try {
                AgentResult result = agent.solve(problem, job::event);
                job.finish(result, null);
            } catch (ApiProblem e) {
                job.finish(null, new ProblemDetailsMappers.ProblemDetails("about:blank", e.title(), e.status(), e.getMessage(), e.diagnostics()));
            } catch (RuntimeException e) {
                LOG.error("job " + job.getId() + " failed", e);
                job.finish(null, new ProblemDetailsMappers.ProblemDetails("about:blank", "Internal error", 500,
                        "the job failed unexpectedly; the server log has details", null));
            }
            persistQuietly(job, problem);
        });
        return job;
    }

    /** A job of this process. */
    public Optional<Job> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** A job as stored (this process's or an earlier one's), in the shape {@code GET /api/jobs/{id}} answers. */
    public Optional<ObjectNode> stored(String id) {
        return store().load(id).map(record -> record.get("job")).filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast);
    }

    private void persist(Job job, String problem) {
        ObjectNode record = json.createObjectNode();
        record.put("problem", problem);
        record.set("job", json.valueToTree(job));
        store().save(job.getId(), record);
    }

    private void persistQuietly(Job job, String problem) {
        try {
            persist(job, problem);
        } catch (RuntimeException e) {
            LOG.error("cannot store job " + job.getId() + " (it goes on in memory)", e);
        }
    }
}
