package dev.optagent.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** Past conversations of the web app: list, open, save (the page's own document), delete. */
@Path("/api/conversations")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

    @Inject
    ConversationStore store;

    @GET
    @Operation(summary = "Past conversations, latest first")
    public List<ConversationStore.Summary> list() {
        return store.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One stored conversation: its messages, model, answers and scenarios")
    public JsonNode read(@PathParam("id") String id) {
        return store.read(id).orElseThrow(() -> new ApiProblem(404, "No such conversation", "no stored conversation " + id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a conversation (written atomically)")
    public JsonNode save(@PathParam("id") String id, JsonNode body) {
        if (!ConversationStore.validId(id)) throw new ApiProblem(400, "Bad conversation id", "an id is 8 to 64 letters, digits or dashes");
        if (!(body instanceof ObjectNode document)) throw new ApiProblem(400, "Not a conversation", "send a JSON object");
        return store.save(id, document);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Forget a stored conversation")
    public void delete(@PathParam("id") String id) {
        if (!store.delete(id)) throw new ApiProblem(404, "No such conversation", "no stored conversation " + id);
    }
}
