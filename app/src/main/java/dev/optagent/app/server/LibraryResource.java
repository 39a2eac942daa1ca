package dev.optagent.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.agent.AgentResult;
import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.library.model.FeedbackCase;
import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.Provenance;
import dev.optagent.library.model.Rejection;
import dev.optagent.library.model.Taxonomy;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The experience library over REST: what it holds (for library.html), user feedback on answers ("this is wrong",
 * with a reason, an expected value or a corrected model), and admin approval of insights learned from users.
 */
@Path("/api/library")
@Produces(MediaType.APPLICATION_JSON)
public class LibraryResource {

    @Inject
    LibraryService library;

    @Inject
    AgentService agent;

    /** The library as the page shows it. */
    public record View(String spec, String name, Provenance provenance, boolean writable, boolean approvalRequired,
                       List<Taxonomy> labelsAdded, List<Insight> insights, List<Rejection> rejected) { }

    @GET
    public View show() {
        Library l = library.library();
        return new View(library.spec().startsWith("jdbc:") ? "postgresql" : library.spec(), l.name(), l.provenance(), library.writable(),
                library.approvalRequired(), l.labelsAdded(), l.insights(), l.rejected());
    }

    @GET
    @Path("/insights/{id}")
    public Insight insight(@PathParam("id") String id) {
        return library.library().find(id).orElseThrow(() -> new ApiProblem(404, "No such insight", "no insight " + id));
    }

    @POST
    @Path("/insights/{id}/approve")
    public Insight approve(@PathParam("id") String id, @HeaderParam("X-Admin-Key") String adminKey) {
        return library.approve(id, adminKey).find(id).orElseThrow();
    }

    @GET
    @Path("/feedback")
    public List<FeedbackCase> feedback() {
        return library.feedback();
    }

    /**
     * Marks an answer wrong. Body: {@code {"problem": "...", "answered": 12.0, "reason": "...", "expected": 10.0,
     * "formulation": {...corrected model...}}}; the problem and at least one of reason / expected / formulation are
     * required. A corrected formulation is solved here and its verified objective becomes the expected value.
     * With {@code "verdict": "right"} it marks an answer right instead: the problem and the {@code answered} value are
     * required, the reason is an optional note; the case is kept with the answer as its known value, not learned from.
     */
    @POST
    @Path("/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(JsonNode body) {
        if (body == null || !body.isObject()) throw new ApiProblem(400, "Bad feedback", "send a JSON object with problem and reason, expected or formulation");
        String problem = agent.checkedText(body.path("problem").asText(null), "problem");
        String reason = body.hasNonNull("reason") ? body.get("reason").asText().strip() : null;
        Double expected = number(body, "expected");
        Double answered = number(body, "answered");
        String verdict = body.path("verdict").asText("wrong");
        if (verdict.equals("right")) {
            if (answered == null) throw new ApiProblem(400, "Bad feedback", "marking an answer right needs the value it 'answered'");
            return Response.status(202).entity(library.confirm(problem, answered, reason == null || reason.isEmpty() ? null : reason)).build();
        }
        if (!verdict.equals("wrong")) throw new ApiProblem(400, "Bad feedback", "'verdict' must be \"wrong\" or \"right\"");
        JsonNode model = body.path("formulation");
        if ((reason == null || reason.isEmpty()) && expected == null && !model.isObject()) {
            throw new ApiProblem(400, "Bad feedback", "say what is wrong: a reason, an expected value, or a corrected formulation");
        }
        Double solved = null;
        String formulation = null;
        if (model.isObject()) {
            formulation = model.toString();
            AgentResult result;
            try {
                result = agent.solveFormulation(FormulationJson.parse(formulation));
            } catch (FormulationException e) {
                throw new ApiProblem(422, "Invalid corrected formulation", e.getMessage());
            }
            if (!result.hasAnswer()) {
                throw new ApiProblem(422, "Corrected formulation has no answer", "the corrected formulation solved to " + result.status()
                        + "; re-solve it until it has the answer you expect");
            }
            solved = result.objective();
        }
        FeedbackCase created = library.report(problem, answered, reason, expected, formulation, solved);
        return Response.status(202).entity(created).build();
    }

    private static Double number(JsonNode body, String field) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) return null;
        if (!node.isNumber()) throw new ApiProblem(400, "Bad feedback", "'" + field + "' must be a number");
        return node.asDouble();
    }
}
