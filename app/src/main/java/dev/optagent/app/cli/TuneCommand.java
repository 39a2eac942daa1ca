package dev.optagent.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code optagent tune}: Bayesian optimization of solver parameters, and its benchmark. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Bayesian optimization warm-started by the language model (see docs/tuning.md).",
        subcommands = {TuneSolverCommand.class, TuneBenchCommand.class})
final class TuneCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
