package dev.optagent.app.server;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Prints where to point the browser, and which model answers. */
public class StartupBanner {

    void started(@Observes StartupEvent event, @ConfigProperty(name = "quarkus.http.host") String host,
                 @ConfigProperty(name = "quarkus.http.port") int port, ChatModelSource models) {
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        var selection = models.selection();
        System.out.println("OptAgent is running at http://" + shown + ":" + port + "/  (API: /q/swagger-ui, health: /q/health)");
        System.out.println(selection.configured() ? "Language model: " + selection.provider() + " / " + selection.model()
                : "No language model configured: the workbench works; the chat needs a model. " + selection.howToConfigure().lines().findFirst().orElse(""));
    }
}
