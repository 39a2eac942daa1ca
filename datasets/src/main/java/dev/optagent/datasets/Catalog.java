package dev.optagent.datasets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optagent.formulation.Names;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The benchmark catalog shipped as {@code catalog.json}: every release we know, pinned to a commit. */
public record Catalog(List<CatalogEntry> datasets) {

    @JsonIgnoreProperties({"comment"})
    private record File(List<CatalogEntry> datasets) { }

    public Catalog {
        datasets = List.copyOf(datasets);
    }

    public static Catalog builtIn() {
        try (InputStream in = Catalog.class.getResourceAsStream("catalog.json")) {
            return new Catalog(new ObjectMapper().readValue(in, File.class).datasets());
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in dataset catalog is unreadable", e);
        }
    }

    /**
     * {@code name} (its first listed release, the default) or {@code name:version}.
     *
     * @throws DatasetException naming the known datasets or versions
     */
    public CatalogEntry find(String spec) {
        String name = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        String version = spec.contains(":") ? spec.substring(spec.indexOf(':') + 1) : null;
        List<CatalogEntry> releases = datasets.stream().filter(e -> e.name().equals(name)).toList();
        if (releases.isEmpty()) {
            String names = String.join(", ", datasets.stream().map(CatalogEntry::name).distinct().toList());
            String closest = Names.closest(name, datasets.stream().map(CatalogEntry::name).distinct().toList());
            throw new DatasetException("unknown dataset '" + name + "'" + (closest != null ? " (did you mean '" + closest + "'?)" : "")
                    + "; known: " + names + ". A path to a normalised JSONL file works too.");
        }
        if (version == null) return releases.getFirst();
        return releases.stream().filter(e -> e.version().equals(version)).findFirst().orElseThrow(() -> new DatasetException(
                "dataset '" + name + "' has no version '" + version + "'; versions: "
                        + String.join(", ", releases.stream().map(CatalogEntry::version).toList())));
    }
}
