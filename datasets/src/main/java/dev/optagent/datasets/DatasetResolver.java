package dev.optagent.datasets;

import dev.optagent.formulation.io.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns {@code --dataset} into problems. In order: a path to a normalised JSONL file; the normalised copy of
 * the release in the datasets directory; the published file in the cache; the published file downloaded from
 * its pinned commit into the cache, checked against its checksum.
 *
 * <p>Checksums: a pinned {@code sha256} in the catalog is checked on every read; without one, the first
 * download records the file's checksum beside it and later reads must match it, so a cache never changes
 * silently.
 */
public final class DatasetResolver {

    private final Catalog catalog;
    private final Path datasetsDir;
    private final Path cacheDir;
    private final Downloader downloader;

    public DatasetResolver(Catalog catalog, Path datasetsDir, Path cacheDir, Downloader downloader) {
        this.catalog = catalog;
        this.datasetsDir = datasetsDir;
        this.cacheDir = cacheDir;
        this.downloader = downloader;
    }

    /** The cache directory: {@code OPTAGENT_CACHE}, else {@code $XDG_CACHE_HOME/optagent}, else {@code ~/.cache/optagent}. */
    public static Path defaultCacheDir() {
        String configured = System.getenv("OPTAGENT_CACHE");
        if (configured != null && !configured.isBlank()) return Path.of(configured, "datasets");
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("optagent").resolve("datasets");
    }

    public Dataset resolve(String spec) {
        Path asPath = Path.of(spec);
        if (spec.endsWith(".jsonl") || spec.contains("/") || Files.isRegularFile(asPath)) {
            if (!Files.isRegularFile(asPath)) throw new DatasetException("no dataset file " + asPath.toAbsolutePath());
            return DatasetReader.read(asPath);
        }
        CatalogEntry entry = catalog.find(spec);
        if (entry.local() != null && datasetsDir != null) {
            Path local = datasetsDir.resolve(entry.local());
            if (Files.isRegularFile(local)) return DatasetReader.read(local).fromRelease(entry);
        }
        Path cached = cached(entry);
        return DatasetReader.read(cached, entry.name(), entry.format(), entry.layout(), entry.name()).fromRelease(entry);
    }

    /** The published file in the cache, downloaded first if needed; its checksum checked either way. */
    public Path cached(CatalogEntry entry) {
        Path file = cacheDir.resolve(entry.repo()).resolve(entry.commit()).resolve(entry.path());
        Path recorded = file.resolveSibling(file.getFileName() + ".sha256");
        try {
            if (!Files.isRegularFile(file)) download(entry, file, recorded);
            String actual = sha256(file);
            String expected = entry.sha256() != null ? entry.sha256()
                    : Files.isRegularFile(recorded) ? Files.readString(recorded).trim() : null;
            if (expected != null && !expected.equalsIgnoreCase(actual)) {
                throw new DatasetException("checksum mismatch for " + file + ": expected sha256 " + expected + ", found " + actual
                        + ". Delete the file to download it again from " + entry.downloadUri());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the dataset cache " + cacheDir + ": " + e.getMessage(), e);
        }
    }

    private void download(CatalogEntry entry, Path file, Path recorded) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            downloader.download(entry.downloadUri(), partial);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            String local = entry.local() == null ? "" : ", or point --datasets-dir (OPTAGENT_DATASETS) at a directory holding "
                    + entry.local() + " in the normalised format";
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName() + ", no connection";
            throw new DatasetException("cannot download " + entry.spec() + " from " + entry.downloadUri() + " (" + reason
                    + "). If this machine is offline, fetch that file elsewhere and put it at " + file + local
                    + ", or pass --dataset path/to/file.jsonl.", e);
        }
        String checksum = sha256(partial);
        if (entry.sha256() != null && !entry.sha256().equalsIgnoreCase(checksum)) {
            Files.delete(partial);
            throw new DatasetException("the download of " + entry.downloadUri() + " does not match its pinned sha256 "
                    + entry.sha256() + " (got " + checksum + "); nothing was cached");
        }
        AtomicFile.replace(partial, file);
        if (entry.sha256() == null) Files.writeString(recorded, checksum + "\n", StandardCharsets.UTF_8);
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var in = new java.security.DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
