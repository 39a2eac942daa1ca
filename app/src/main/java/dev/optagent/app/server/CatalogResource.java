package dev.optagent.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optagent.datasets.Catalog;
import dev.optagent.datasets.CatalogEntry;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Datasets, evaluation runs and the examples the UI offers. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAFE_NAME = "[A-Za-z0-9._-]+";

    @Inject
    ServerConfig config;

    public record RunSummary(String name, JsonNode summary, String report) { }

    /** A catalog entry as the API shows it (the format by name). */
    public record DatasetView(String spec, String name, String version, String benchmark, String source, String format,
                              String licence, String note) {
        static DatasetView of(CatalogEntry e) {
            return new DatasetView(e.spec(), e.name(), e.version(), e.benchmark(), e.source(), e.format().name(), e.licence(), e.note());
        }
    }

    @GET
    @Path("/datasets")
    @Operation(summary = "The benchmark catalog: releases pinned to commits, with licences")
    public List<DatasetView> datasets() {
        return Catalog.builtIn().datasets().stream().map(DatasetView::of).toList();
    }

    @GET
    @Path("/runs")
    @Operation(summary = "Evaluation runs in optagent.runs-dir with their summaries")
    public List<RunSummary> runs() {
        java.nio.file.Path dir = Paths.get(config.runsDir());
        List<RunSummary> runs = new ArrayList<>();
        if (!Files.isDirectory(dir)) return runs;
        try (Stream<java.nio.file.Path> children = Files.list(dir)) {
            for (java.nio.file.Path run : children.sorted().toList()) {
                java.nio.file.Path summary = run.resolve("summary.json");
                if (!Files.isRegularFile(summary)) continue;
                String name = run.getFileName().toString();
                runs.add(new RunSummary(name, JSON.readTree(summary.toFile()),
                        Files.isRegularFile(run.resolve("report.html")) ? "/api/runs/" + name + "/report" : null));
            }
        } catch (IOException e) {
            throw new ApiProblem(500, "Runs unreadable", "cannot read " + dir + ": " + e.getMessage());
        }
        return runs;
    }

    @GET
    @Path("/runs/{name}/report")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A run's self-contained HTML report")
    public Response report(@PathParam("name") String name) {
        if (!name.matches(SAFE_NAME)) throw new ApiProblem(400, "Bad run name", "a run name is letters, digits, '.', '_' and '-'");
        java.nio.file.Path report = Paths.get(config.runsDir(), name, "report.html");
        if (!Files.isRegularFile(report)) throw new ApiProblem(404, "No such report", "no report for run " + name);
        return Response.ok(report.toFile(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("/examples")
    @Operation(summary = "Example problems and formulations (the project's own)")
    public JsonNode examples() {
        return readExample("examples.json");
    }

    @GET
    @Path("/examples/{kind}/{name}")
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Operation(summary = "One example: a problem text or a formulation")
    public Response example(@PathParam("kind") String kind, @PathParam("name") String name) {
        if (!(kind.equals("problems") || kind.equals("formulations")) || !name.matches(SAFE_NAME)) {
            throw new ApiProblem(404, "No such example", "examples are /api/examples/problems/NAME or /api/examples/formulations/NAME");
        }
        String file = kind + "/" + name + (kind.equals("problems") ? ".txt" : ".json");
        try (InputStream in = resource(file)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return Response.ok(text, kind.equals("problems") ? MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8") : MediaType.APPLICATION_JSON_TYPE).build();
        } catch (IOException e) {
            throw new ApiProblem(500, "Example unreadable", e.getMessage());
        }
    }

    private JsonNode readExample(String file) {
        try (InputStream in = resource(file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new ApiProblem(500, "Examples unreadable", e.getMessage());
        }
    }

    /** Examples ship inside the application (copied from datasets/ at build time), so the container has them. */
    private static InputStream resource(String file) {
        InputStream in = CatalogResource.class.getResourceAsStream("/examples/" + file);
        if (in == null) throw new ApiProblem(404, "No such example", "no example " + file);
        return in;
    }
}
