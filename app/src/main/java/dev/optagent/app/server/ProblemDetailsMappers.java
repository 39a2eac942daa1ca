package dev.optagent.app.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.FormulationJson;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Every failure leaves the API as problem-details JSON; no stack trace ever reaches a client. */
public class ProblemDetailsMappers {

    private static final Logger LOG = Logger.getLogger(ProblemDetailsMappers.class);
    static final String PROBLEM_JSON = "application/problem+json";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ProblemDetails(String type, String title, int status, String detail, List<?> diagnostics) { }

    static Response response(int status, String title, String detail, List<?> diagnostics) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new ProblemDetails("about:blank", title, status, detail, diagnostics)).build();
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e) {
        Response response = response(e.status(), e.title(), e.getMessage(), e.diagnostics());
        if (e.retryAfterSeconds() == null) return response;
        return Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response invalidFormulation(FormulationException e) {
        return response(422, "Invalid formulation", e.diagnostics().size() + " problem(s) in the formulation", e.diagnostics());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return response(400, "Malformed JSON", FormulationJson.explain(e), List.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String detail = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed here";
            case 413 -> "the request is too large";
            case 415 -> "unsupported content type; send application/json";
            default -> e.getMessage();
        };
        Throwable cause = e.getCause();
        if (status == 400 && cause instanceof JsonProcessingException json) detail = "malformed JSON: " + FormulationJson.explain(json);
        else if (status >= 400 && status < 500 && detail != null && detail.matches("(?s).*(\\b[a-z]+\\.[a-z]+\\.[A-Z]|Exception|`).*")) {
            detail = Response.Status.fromStatusCode(status) == null ? "the request was refused" : Response.Status.fromStatusCode(status).getReasonPhrase();
        }
        return response(status, Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase(),
                detail, List.of());
    }

    /** The last resort, for errors too (a stack overflow must not become Quarkus's text page); names no class. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure", e);
        return response(500, "Internal error", "the server failed unexpectedly; the log has details", List.of());
    }
}
