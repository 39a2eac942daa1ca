package dev.optagent.datasets;

import java.util.List;

/**
 * Problems read from one file, with the lines that could not be read (file and line named; the rest of the
 * file is still used), and where they came from.
 */
public record Dataset(String name, List<Problem> problems, List<String> errors, Origin origin) {

    /**
     * Where a dataset came from, for the run's provenance.
     *
     * @param file            the file read
     * @param sha256          its checksum at the time it was read
     * @param release         the catalog release ({@code nl4opt:llmopt}), null for a plain file
     * @param publishedSource {@code owner/repo@commit:path} of the published release, null for a plain file
     */
    public record Origin(String file, String sha256, String release, String publishedSource) {

        Origin asRelease(CatalogEntry entry) {
            return new Origin(file, sha256, entry.spec(), entry.source());
        }
    }

    public Dataset {
        problems = List.copyOf(problems);
        errors = List.copyOf(errors);
    }

    public Dataset(String name, List<Problem> problems, List<String> errors) {
        this(name, problems, errors, null);
    }

    Dataset fromRelease(CatalogEntry entry) {
        return new Dataset(name, problems, errors, origin == null ? null : origin.asRelease(entry));
    }
}
