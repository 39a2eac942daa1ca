package dev.optagent.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code optagent} command line. */
@Command(name = "optagent", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Turns optimization problems into verified optimal decisions.",
        subcommands = {SolveModelCommand.class, CommandLine.HelpCommand.class})
public final class OptAgentCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new OptAgentCommand())
                .setExecutionExceptionHandler((error, cmd, parsed) -> {
                    // Never a stack trace to a user: one line saying what went wrong.
                    cmd.getErr().println("optagent: " + (error.getMessage() == null ? error.toString() : error.getMessage()));
                    return 2;
                });
        System.exit(commandLine.execute(args));
    }
}
