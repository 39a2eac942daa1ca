package dev.optagent.app.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.optagent.agent.AgentResult;
import dev.optagent.formulation.Diagnostic;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.analysis.Classifier;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.render.LatexRenderer;
import dev.optagent.formulation.render.LpWriter;
import dev.optagent.formulation.render.MpsWriter;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The modeling workbench: validate, solve and render a formulation without any language model. */
@Path("/api/formulations")
@Consumes(MediaType.APPLICATION_JSON)
public class FormulationResource {

    @Inject
    AgentService agent;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Validation(boolean valid, String problemClass, int variables, int constraints, List<Diagnostic> diagnostics) { }

    @POST
    @Path("/validate")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Parse and validate a formulation", description = "Errors and warnings with element, position, expected and did-you-mean; never 4xx for an invalid model.")
    public Validation validate(String body) {
        try {
            GroundModel model = GroundModel.of(FormulationJson.parse(requireBody(body)));
            return new Validation(true, Classifier.classify(model).problemClass().name(), model.variables().size(),
                    model.constraints().size(), model.warnings());
        } catch (FormulationException e) {
            return new Validation(false, null, 0, 0, e.diagnostics());
        }
    }

    @POST
    @Path("/solve")
    @Produces(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    @Operation(summary = "Solve a formulation", description = "Compiles to OR-Tools, solves with the solver time cap, verifies; an invalid formulation is 422 with diagnostics.")
    public AgentResult solve(String body, @jakarta.ws.rs.core.Context io.vertx.core.http.HttpServerRequest request) {
        Formulation formulation = FormulationJson.parse(requireBody(body));
        try (ClientWatch ignored = ClientWatch.of(request)) {
            return agent.solveFormulation(formulation);
        }
    }

    @POST
    @Path("/render")
    @Produces({"text/plain", "application/x-latex"})
    @Operation(summary = "Render a formulation as LaTeX, LP or MPS")
    public Response render(@QueryParam("format") @DefaultValue("latex") String format, String body) {
        Formulation formulation = FormulationJson.parse(requireBody(body));
        String text;
        try {
            text = switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "latex" -> LatexRenderer.render(formulation);
                case "lp" -> LpWriter.write(GroundModel.of(formulation.exportable()));
                case "mps" -> MpsWriter.write(GroundModel.of(formulation.exportable()));
                default -> throw new ApiProblem(400, "Unknown format", "format must be latex, lp or mps, not '" + format + "'");
            };
        } catch (IllegalArgumentException e) {
            // The writers refuse what their format cannot hold (a nonlinear term in LP) with a worded reason.
            throw new ApiProblem(422, "Cannot export", e.getMessage());
        }
        return Response.ok(text, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
    }

    private static String requireBody(String body) {
        if (body == null || body.isBlank()) throw new ApiProblem(400, "Empty body", "send the formulation as a JSON document");
        return body;
    }
}
