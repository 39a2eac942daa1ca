package dev.optagent.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** Fetches a published file; replaceable so tests and air-gapped sites need no network. */
@FunctionalInterface
public interface Downloader {

    void download(URI uri, Path target) throws IOException;

    /** Plain HTTPS with a connect timeout, following redirects. */
    static Downloader http() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return (uri, target) -> {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build();
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode());
                    Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        };
    }

    /** For offline use: every download fails with the given reason. */
    static Downloader offline() {
        return (uri, target) -> {
            throw new IOException("downloads are switched off (OPTAGENT_OFFLINE)");
        };
    }
}
