package dev.optagent.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.tuning.design.ModelExchange;
import dev.optagent.tuning.llm.SpaceProposer;
import dev.optagent.tuning.report.TrialsReport;
import dev.optagent.tuning.space.SearchSpace;
import dev.optagent.tuning.space.SpaceReader;
import dev.optagent.tuning.study.Direction;
import dev.optagent.tuning.study.ProblemDescription;
import dev.optagent.tuning.study.Study;
import dev.optagent.tuning.study.StudySettings;
import dev.optagent.tuning.study.Trial;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Map;

/**
 * Ask/tell tuning studies for users' own black-box problems (docs/tuning.md): propose a space from a description
 * (the language model), create a study, get suggestions, post what was measured, read the study with its
 * best-so-far curve, list, delete.
 */
@Path("/api/studies")
@Produces(MediaType.APPLICATION_JSON)
public class TuningResource {

    /** A new study: its space, what is tuned in words, and how the first trials are chosen. */
    public record CreateStudy(String name, String description, String metric, String direction, String context, JsonNode space,
                              String warmStart, Integer initialTrials, Long seed) { }

    /** What was measured for a suggested trial: a value, or why the evaluation failed. */
    public record Measurement(Double value, String failure) { }

    /** A value measured for a configuration the user chose. */
    public record OwnMeasurement(Map<String, Object> config, Double value) { }

    public record ProposeSpace(String description) { }

    /** A proposed set-up, as the page edits it into a {@link CreateStudy}. */
    public record SpaceProposal(String description, String metric, String direction, String context, SearchSpace space,
                                List<String> dropped, List<ModelExchange> exchanges) { }

    /** A study with what a client needs at a glance: the best trial and the best value after each trial. */
    public record StudyView(String name, ProblemDescription description, SearchSpace space, StudySettings settings, List<Trial> trials,
                            Trial best, List<Double> bestSoFar, List<ModelExchange> warmStart) {

        static StudyView of(Study s) {
            return new StudyView(s.name(), s.description(), s.space(), s.settings(), s.trials(), s.best().orElse(null), s.bestSoFar(),
                    s.warmStart());
        }
    }

    @Inject
    TuningService tuning;

    @Inject
    ServerConfig config;

    @GET
    @Operation(summary = "Tuning studies, most recently active first")
    public List<TuningService.Summary> list() {
        return tuning.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a study from its space and description; warmStart llm (the model proposes the first trials), sobol, lhs or random")
    public Response create(CreateStudy body) {
        if (body == null) throw new ApiProblem(400, "No study", "send a JSON object with name, description, metric, direction and space");
        if (!TuningService.validName(body.name())) {
            throw new ApiProblem(400, "Bad study name", "name: 1 to 64 letters, digits, '-' or '_', starting with a letter or digit");
        }
        String text = String.join(" ", orEmpty(body.description()), orEmpty(body.metric()), orEmpty(body.context()));
        if (text.length() > config.maxProblemChars()) {
            throw new ApiProblem(413, "Description too long", "description, metric and context together: at most " + config.maxProblemChars() + " characters");
        }
        Direction direction;
        try {
            direction = body.direction() == null ? Direction.MINIMIZE : Direction.parse(body.direction());
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, "Bad direction", e.getMessage());
        }
        SpaceReader.Result read = SpaceReader.read(body.space(), tuning.maxParameters());
        if (!read.problems().isEmpty()) throw new ApiProblem(400, "Bad search space", String.join("; ", read.problems()), read.problems());
        SearchSpace space = read.space();
        int initial = body.initialTrials() == null ? Math.min(10, Math.max(5, space.size() + 1)) : body.initialTrials();
        if (initial < 1 || initial > Math.min(50, config.tuning().maxTrials())) {
            throw new ApiProblem(400, "Bad number of initial trials", "initialTrials is between 1 and " + Math.min(50, config.tuning().maxTrials()));
        }
        Study study = tuning.create(body.name(), new ProblemDescription(body.description(), body.metric(), direction, body.context()), space,
                body.warmStart(), initial, body.seed() == null ? 0 : body.seed());
        return Response.status(201).entity(StudyView.of(study)).build();
    }

    @POST
    @Path("/propose-space")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The language model proposes a search space, metric and direction for a plain-language description (prompt tuning-space@1)")
    public SpaceProposal propose(ProposeSpace body) {
        SpaceProposer.SpaceProposal p = tuning.propose(body == null ? null : body.description());
        return new SpaceProposal(p.description().subject(), p.description().metric(),
                p.description().direction().name().toLowerCase(java.util.Locale.ROOT), p.description().context(), p.space(), p.dropped(),
                p.exchanges());
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One study: space, settings, every trial, the best so far, the warm start's exchanges with the model")
    public StudyView read(@PathParam("name") String name) {
        return StudyView.of(tuning.study(name));
    }

    @GET
    @Path("/{name}/report")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The study as a self-contained HTML report with its best-so-far plot")
    public String report(@PathParam("name") String name) {
        return TrialsReport.html(tuning.study(name));
    }

    @GET
    @Path("/{name}/suggestions")
    @Operation(summary = "Up to q configurations to evaluate: trials suggested and not yet told first, then new ones")
    public List<Trial> suggestions(@PathParam("name") String name, @QueryParam("q") @DefaultValue("1") int q) {
        return tuning.suggestions(name, q);
    }

    @POST
    @Path("/{name}/trials/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tell the value measured for a suggested trial, or {\"failure\": \"why\"} when its evaluation failed")
    public Trial tell(@PathParam("name") String name, @PathParam("number") int number, Measurement body) {
        if (body == null || (body.value() == null) == (body.failure() == null || body.failure().isBlank())) {
            throw new ApiProblem(400, "Value or failure", "send {\"value\": number} or {\"failure\": \"why the evaluation failed\"}");
        }
        if (body.value() != null && !Double.isFinite(body.value())) {
            throw new ApiProblem(400, "Not a finite value", "the value must be a finite number; report a failure instead");
        }
        if (body.failure() != null && body.failure().length() > 2000) throw new ApiProblem(413, "Failure too long", "at most 2000 characters");
        return tuning.tell(name, number, body.value(), body.failure());
    }

    @POST
    @Path("/{name}/trials")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a value measured for a configuration of your own choosing")
    public Response tellOwn(@PathParam("name") String name, OwnMeasurement body) {
        if (body == null || body.config() == null || body.value() == null || !Double.isFinite(body.value())) {
            throw new ApiProblem(400, "Configuration and value", "send {\"config\": {parameter: value, ...}, \"value\": number}");
        }
        return Response.status(201).entity(tuning.tellConfiguration(name, body.config(), body.value())).build();
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete a study and its file")
    public void delete(@PathParam("name") String name) {
        if (!tuning.delete(name)) throw new ApiProblem(404, "No such study", "no study named '" + name + "'");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
