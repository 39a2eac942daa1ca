package dev.optagent.app.server;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

/**
 * Prints where to point the browser, and which model answers — once the HTTP server has bound its port
 * (Quarkus fires {@link HttpServerStart} then), so "running at" is never printed for a server that failed to start.
 */
public class StartupBanner {

    @Inject
    ChatModelSource models;

    // Quarkus fires the event asynchronously; the synchronous observer covers a version that fires it in line.
    void startedAsync(@ObservesAsync HttpServerStart start) {
        print(start);
    }

    void started(@jakarta.enterprise.event.Observes HttpServerStart start) {
        print(start);
    }

    private void print(HttpServerStart start) {
        String host = start.options().getHost();
        String shown = host == null || host.equals("0.0.0.0") ? "localhost" : host;
        var selection = models.selection();
        StringBuilder text = new StringBuilder("OptAgent is running at http://" + shown + ":" + start.options().getPort()
                + "/  (API: /q/swagger-ui, health: /q/health)\n");
        if (selection.configured()) text.append("Language model: ").append(selection.provider()).append(" / ").append(selection.model());
        else text.append("No language model configured: the workbench works; the chat needs a model.\n").append(selection.howToConfigure());
        // One print, so the lines never interleave with log output.
        System.out.println(text);
        System.out.flush();
    }
}
