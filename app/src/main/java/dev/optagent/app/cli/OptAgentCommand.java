package dev.optagent.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code optagent} command line. */
@Command(name = "optagent", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Turns optimization problems into verified optimal decisions.",
        subcommands = {SolveCommand.class, SolveModelCommand.class, EvalCommand.class, ExportCommand.class, BenchCommand.class, EvalBenchCommand.class, TuneCommand.class, CommandLine.HelpCommand.class, ServeCommand.class})
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
                .setExecutionExceptionHandler((error, cmd, parsed) -> {
                    cmd.getErr().println("optagent: " + (error.getMessage() == null ? error.toString() : error.getMessage()));
                    cmd.getErr().flush();
                    return 2;
                });
    }
}
