package dev.optagent.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code optagent} command line. */
@Command(name = "optagent", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Turns optimization problems into verified optimal decisions.",
        subcommands = {SolveCommand.class, SolveModelCommand.class, EvalCommand.class, ExportCommand.class, BenchCommand.class, EvalBenchCommand.class, CommandLine.HelpCommand.class, ServeCommand.class})
public final class OptAgentCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
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
