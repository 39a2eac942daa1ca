package dev.optagent.app.server;

import dev.optagent.agent.AgentResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Submitted problems, run on virtual threads; the newest {@value #KEPT} jobs are kept for polling. */
@ApplicationScoped
public class JobRegistry {

    private static final Logger LOG = Logger.getLogger(JobRegistry.class);
    static final int KEPT = 500;

    @Inject
    AgentService agent;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Job> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT;
        }
    };

    public Job submit(String problem) {
        agent.checkedText(problem, "problem");
        Job job = new Job(UUID.randomUUID().toString());
        synchronized (jobs) {
            jobs.put(job.getId(), job);
        }
        executor.submit(() -> {
            job.running();
            try {
                AgentResult result = agent.solve(problem, job::event);
                job.finish(result, null);
            } catch (ApiProblem e) {
                job.finish(null, new ProblemDetailsMappers.ProblemDetails("about:blank", e.title(), e.status(), e.getMessage(), e.diagnostics()));
            } catch (RuntimeException e) {
                LOG.error("job " + job.getId() + " failed", e);
                job.finish(null, new ProblemDetailsMappers.ProblemDetails("about:blank", "Internal error", 500,
                        "the job failed unexpectedly (" + e.getClass().getSimpleName() + ")", null));
            }
        });
        return job;
    }

    public Optional<Job> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }
}
