package dev.optagent.app.server;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;


/**
 * When {@code optagent serve} starts the app as a child JVM it passes its own pid; if that launcher dies in any
 * way (kill -9, an OOM kill, a container runtime stopping it) the app shuts down too instead of living on as an
 * orphan that holds the port.
 */
@jakarta.enterprise.context.ApplicationScoped
public class ParentWatch {

    private static final Logger LOG = Logger.getLogger(ParentWatch.class);

    void watch(@Observes StartupEvent started, ServerConfig config) {
        config.parentPid().flatMap(ProcessHandle::of).ifPresent(parent -> parent.onExit().thenRun(() -> {
            LOG.infof("the launcher (pid %d) has exited; shutting down", parent.pid());
            Quarkus.asyncExit(0);
        }));
    }
}
