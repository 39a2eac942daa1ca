package dev.optagent.app.server;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What the UI shows in its header: the model in use, or how to configure one. */
@Path("/api/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    AgentService agent;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    /** @param workflow the workflow every solve runs ({@code name@checksum12}) */
    public record Status(boolean modelConfigured, String provider, String model, String howToConfigure, String version, String workflow) { }

    @GET
    public Status status() {
        var selection = agent.selection();
        return new Status(selection.configured(), selection.provider(), selection.model(), selection.howToConfigure(), version, agent.workflowLabel());
    }
}
