package dev.optagent.datasets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;

/**
 * One published release of a benchmark, pinned to a commit.
 *
 * @param version the release's name, because gold labels differ between releases ({@code sirl-fixed}, {@code orthought})
 * @param local   the file name of the normalised development split for this release, when one exists
 * @param sha256  the published file's checksum when pinned; null means "recorded on first download"
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record CatalogEntry(String name, String version, String benchmark, String repo, String commit, String path,
                           DatasetFormat format, RecordLayout layout, String licence, String local, String sha256,
                           String note) {

    /** {@code name:version}, the form {@code --dataset} accepts. */
    public String spec() {
        return name + ":" + version;
    }

    /** {@code owner/repo@commit:path}, as the normalised records' {@code source} field writes it. */
    public String source() {
        return repo + "@" + commit + ":" + path;
    }

    public URI downloadUri() {
        return URI.create("https://raw.githubusercontent.com/" + repo + "/" + commit + "/" + path);
    }
}
