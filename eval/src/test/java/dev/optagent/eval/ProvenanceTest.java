package dev.optagent.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optagent.agent.AgentConfig;
import dev.optagent.datasets.Dataset;
import dev.optagent.datasets.DatasetReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvenanceTest {

    @TempDir
    Path dir;

    @Test
    void everyStartOfARunIsRecordedWithDataChecksumAndConfiguration() throws IOException {
        Path file = Files.writeString(dir.resolve("mine.jsonl"), "{\"id\": \"m-1\", \"question\": \"Q\", \"answer\": 1}\n");
        Dataset data = DatasetReader.read(file);
        Path out = dir.resolve("run");
        EvalOptions options = new EvalOptions(out, 0, Set.of(), 2, Duration.ofMinutes(5), 0, 1);
        Provenance.of(data, "scripted", "http://127.0.0.1:1/v1", AgentConfig.defaults().withSamples(3), options).record(out);
        Provenance.of(data, "scripted", "http://127.0.0.1:1/v1", AgentConfig.defaults(), options).record(out);

        var starts = new ObjectMapper().readTree(out.resolve("run.json").toFile()).path("starts");
        assertEquals(2, starts.size(), "a resumed run keeps its earlier start");
        assertEquals(64, starts.get(0).path("data").path("sha256").asText().length());
        assertEquals(3, starts.get(0).path("agentConfig").path("samples").asInt());
        assertEquals("formulate@4", starts.get(0).path("agentConfig").path("formulate").path("prompt").asText());

        Summary summary = Reports.write(out, "mine", "scripted", List.of());
        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("Provenance (`run.json`)") && md.contains("samples 3"), md);
        assertEquals("mine", summary.dataset());
    }
}
