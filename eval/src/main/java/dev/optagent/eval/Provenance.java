package dev.optagent.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.optagent.agent.AgentConfig;
import dev.optagent.datasets.Dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to reproduce a run, recorded in {@code run.json} each time the run is started or resumed:
 * the data (file, checksum, release, published source), the contestant (model or oracle directory) and the
 * agent's configuration, the runner's options, the OptAgent build, and the machine.
 *
 * @param skippedRecords dataset records left out, each with its file, line and reason (null when none)
 * @param library        the experience library the agent ran with (null for none recorded)
 * @param optagentCommit {@code OPTAGENT_GIT_COMMIT} as the launcher sets it (with "-dirty" for local changes)
 * @param workflow       the workflow the agent ran: name, checksum (of its parameter values) and file (null for an oracle)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(
        Instant startedAt,
        String optagentCommit,
        Dataset.Origin data,
        List<String> skippedRecords,
        String contestant,
        String modelEndpoint,
        AgentConfig agentConfig,
        EvalOptions options,
        String java,
        String os,
        int cores,
        Map<String, Object> library,
        Workflow workflow) {

    /** @param file the workflow file, or null for the built-in workflow */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Workflow(String name, String checksum, String file) { }

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    public static Provenance of(Dataset dataset, String contestant, String modelEndpoint, AgentConfig config, EvalOptions options) {
        return new Provenance(Instant.now(), System.getenv().getOrDefault("OPTAGENT_GIT_COMMIT", "unknown"), dataset.origin(),
                dataset.errors().isEmpty() ? null : dataset.errors(), contestant, modelEndpoint, config, options, Runtime.version().toString(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), null, null);
    }

    /** This start with the experience library it ran with (spec, name, checksum, live insights). */
    public Provenance withLibrary(Map<String, Object> used) {
        return new Provenance(startedAt, optagentCommit, data, skippedRecords, contestant, modelEndpoint, agentConfig, options, java, os,
                cores, used, workflow);
    }

    public Provenance withWorkflow(String name, String checksum, String file) {
        return new Provenance(startedAt, optagentCommit, data, skippedRecords, contestant, modelEndpoint, agentConfig, options, java, os,
                cores, library, new Workflow(name, checksum, file));
    }

    /** Appends this start to {@code run.json} in the output directory (a resumed run keeps its earlier starts). */
    public void record(Path out) {
        Path file = out.resolve("run.json");
        try {
            Files.createDirectories(out);
            ArrayNode starts = Files.isRegularFile(file) && JSON.readTree(file.toFile()).path("starts").isArray()
                    ? (ArrayNode) JSON.readTree(file.toFile()).path("starts") : JSON.createArrayNode();
            starts.add(JSON.valueToTree(this));
            Files.writeString(file, JSON.writeValueAsString(JSON.createObjectNode().set("starts", starts)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first start recorded in a run directory, or null. */
    static JsonNode firstStart(Path out) {
        Path file = out.resolve("run.json");
        if (!Files.isRegularFile(file)) return null;
        try {
            JsonNode starts = JSON.readTree(file.toFile()).path("starts");
            return starts.isArray() && !starts.isEmpty() ? starts.get(0) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
