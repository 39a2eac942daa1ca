package dev.optagent.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code optagent serve}: starts the web application (the Quarkus build beside this jar, in
 * {@code quarkus-app/}) in a child JVM and waits for it; the server prints its URL when ready.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the OptAgent web app (chat UI, REST API, WebSocket) and print its URL.")
final class ServeCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "${env:QUARKUS_HTTP_PORT:-8080}", description = "HTTP port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "${env:QUARKUS_HTTP_HOST:-localhost}",
            description = "Interface to listen on; 0.0.0.0 for every interface (set OPTAGENT_API_KEY then). Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--workflow", paramLabel = "WF.json", defaultValue = "${env:OPTAGENT_WORKFLOW}",
            description = "Serve with this workflow file; default: $OPTAGENT_WORKFLOW, else the built-in workflow.")
    Path workflow;

    @Override
    public Integer call() throws Exception {
        if (workflow != null) {
            try {
                dev.optagent.workflow.WorkflowFile.read(workflow); // refuse a bad file here, with its reasons
            } catch (dev.optagent.workflow.WorkflowException e) {
                spec.commandLine().getErr().println("optagent serve: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 2;
            }
        }
        Path here = Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path runner = here.resolveSibling("quarkus-app").resolve("quarkus-run.jar");
        if (!Files.isRegularFile(runner)) {
            spec.commandLine().getErr().println("optagent serve: the web app is not built (" + runner + " is missing); run ./mvnw install -DskipTests");
            spec.commandLine().getErr().flush();
            return 2;
        }
        String busy = portInUse(host, port);
        if (busy != null) {
            spec.commandLine().getErr().println("optagent serve: port " + port + " on " + host + " is in use (" + busy
                    + "); stop what is using it or choose another port with --port");
            spec.commandLine().getErr().flush();
            return 2;
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 24) command.add("--sun-misc-unsafe-memory-access=allow");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=" + host);
        // The child ends with this process however it dies (ParentWatch); a shutdown hook alone misses kill -9.
        command.add("-Doptagent.parent-pid=" + ProcessHandle.current().pid());
        command.add("-jar");
        command.add(runner.toString());
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO().directory(new File("."));
        if (workflow != null) builder.environment().put("OPTAGENT_WORKFLOW", workflow.toAbsolutePath().toString());
        Process server = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
        return server.waitFor();
    }

    /** Why the port cannot be bound, or null when it is free (the child would otherwise fail after a long start). */
    static String portInUse(String host, int port) {
        if (port == 0) return null;
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(host, port));
            return null;
        } catch (java.io.IOException e) {
            return e.getMessage() == null ? "cannot bind" : e.getMessage();
        }
    }
}
