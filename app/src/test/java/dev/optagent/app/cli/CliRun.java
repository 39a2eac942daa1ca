package dev.optagent.app.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the {@code optagent} command line, as the CLI tests drive it: exit code, standard output and error. */
record CliRun(int exit, String out, String err) {

    static CliRun execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = OptAgentCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** {exit, out, err} as strings. */
    static String[] run(String... args) {
        CliRun run = execute(args);
        return new String[] {Integer.toString(run.exit), run.out, run.err};
    }

    /** Back to the model from the environment after a test that scripted {@link SolveCommand#models}. */
    static void restoreModels() {
        SolveCommand.models = dev.optagent.agent.llm.ChatModels::fromEnvironment;
    }
}
