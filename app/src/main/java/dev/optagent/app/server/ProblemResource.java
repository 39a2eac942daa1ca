package dev.optagent.app.server;

import dev.optagent.agent.AgentResult;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** Problems in plain language: answered synchronously with a time cap, or as jobs to poll or stream. */
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProblemResource {

    public record ProblemRequest(String problem) { }

    public record JobRef(String id, Job.State state, String self, String events) { }

    @Inject
    AgentService agent;

    @Inject
    JobRegistry jobs;

    @Inject
    ServerConfig config;

    @POST
    @Path("/solve")
    @RunOnVirtualThread
    @Operation(summary = "Solve a problem in plain language and wait for the answer",
            description = "Waits at most optagent.sync-wait; past that the answer is 504 with the id of a job that keeps running.")
    public AgentResult solve(ProblemRequest request) {
        Job job = jobs.submit(request == null ? null : request.problem());
        CompletableFuture<Void> done = new CompletableFuture<>();
        job.subscribe(update -> {
            if (update.type().equals("finished")) done.complete(null);
        });
        try {
            done.get(config.syncWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiProblem(504, "Still solving", "no answer within " + config.syncWait().toSeconds()
                    + " s; the work goes on as job " + job.getId() + " (GET /api/jobs/" + job.getId() + ")");
        } catch (InterruptedException | ExecutionException e) {
            throw new ApiProblem(503, "Interrupted", "the request was interrupted");
        }
        if (job.getError() != null) {
            var error = job.getError();
            throw new ApiProblem(error.status(), error.title(), error.detail(), error.diagnostics() == null ? java.util.List.of() : error.diagnostics());
        }
        return job.getResult();
    }

    @POST
    @Path("/jobs")
    @Operation(summary = "Submit a problem as a job", description = "202 with the job's URL to poll and its event stream (server-sent events).")
    public Response submit(ProblemRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        Job job = jobs.submit(request == null ? null : request.problem());
        String self = "/api/jobs/" + job.getId();
        return Response.accepted(new JobRef(job.getId(), job.getState(), self, self + "/events"))
                .location(uri.getBaseUriBuilder().path(self).build()).build();
    }

    @GET
    @Path("/jobs/{id}")
    @Operation(summary = "Poll a job: its state, the stage events so far, and the result when done")
    public Object job(@PathParam("id") String id) {
        Optional<Job> live = jobs.find(id);
        if (live.isPresent()) return live.get();
        return jobs.stored(id).orElseThrow(() -> new ApiProblem(404, "No such job", "no job " + id));
    }

    @GET
    @Path("/jobs/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stream a job's stage events as server-sent events, ending with its result")
    public Multi<Object> events(@PathParam("id") String id) {
        Optional<Job> live = jobs.find(id);
        if (live.isEmpty()) return storedEvents(id);
        Job job = live.get();
        return Multi.createFrom().emitter(emitter -> {
            Consumer<Job.Update> forward = new Consumer<>() {
                @Override
                public void accept(Job.Update update) {
                    emitter.emit(update);
                    if (update.type().equals("finished")) emitter.complete();
                }
            };
            emitter.onTermination(() -> job.unsubscribe(forward));
            job.subscribe(forward);
        });
    }

    /** A job of an earlier process has finished for good: its events, then its end, as the live stream sends them. */
    private Multi<Object> storedEvents(String id) {
        ObjectNode job = jobs.stored(id).orElseThrow(() -> new ApiProblem(404, "No such job", "no job " + id));
        List<Object> updates = new ArrayList<>();
        job.path("events").forEach(event -> updates.add(Map.of("type", "event", "event", event)));
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("type", "finished");
        end.put("state", job.path("state").asText());
        if (job.hasNonNull("result")) end.put("result", job.get("result"));
        if (job.hasNonNull("error")) end.put("error", job.get("error"));
        updates.add(end);
        return Multi.createFrom().iterable(updates);
    }
}
