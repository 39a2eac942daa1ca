package dev.optagent.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code optagent} command line. */
@Command(name = "optagent", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Turns optimization problems into verified optimal decisions.",
        footerHeading = "%nExamples:%n",
        footer = {"  optagent solve-model datasets/formulations/transport.json         solve a model, no language model needed",
                "  optagent solve-model --json datasets/formulations/*.json          one JSON line per model (duals, slacks, relaxation)",
                "  optagent solve --file datasets/problems/bakery.txt                formulate and solve a problem in words",
                "  optagent export --format latex -o model.tex model.json            a standalone LaTeX document",
                "  optagent serve                                                    the web app on http://localhost:8080"},
        subcommands = {SolveCommand.class, SolveModelCommand.class, EvalCommand.class, ExportCommand.class, BenchCommand.class, EvalBenchCommand.class, TuneCommand.class, CommandLine.HelpCommand.class, ServeCommand.class,
                LibraryCommand.class, WorkflowCommand.class})
public final class OptAgentCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        // The server's logging backend is on the class path too; the CLI uses it quietly (warnings only) so that
        // library chatter never mixes with the CLI's own output.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; errors become one line on stderr and exit code 2, never a stack trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new OptAgentCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((error, cmd, parsed) -> {
                    cmd.getErr().println("optagent: " + (error.getMessage() == null ? error.toString() : error.getMessage()));
                    cmd.getErr().flush();
                    return 2;
                });
    }
}
