package dev.optagent.app.cli;

import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.render.LatexRenderer;
import dev.optagent.formulation.render.LpWriter;
import dev.optagent.formulation.render.MpsWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code optagent export --format lp|mps|latex FILE}: the model for other solvers or for documents. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a formulation as an LP file, a free MPS file or LaTeX (to stdout or --output).",
        footerHeading = "%nExamples:%n",
        footer = {"  optagent export --format lp datasets/formulations/transport.json",
                "  optagent export --format latex -o transport.tex datasets/formulations/transport.json   (a standalone document)"})
final class ExportCommand implements Callable<Integer> {

    enum Format { lp, mps, latex }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A formulation file.")
    Path file;

    @Option(names = "--format", required = true, description = "lp, mps or latex (any case).")
    Format format;

    @Option(names = "--standalone", description = "With --format latex: a complete .tex document (the default when --output ends in .tex).")
    boolean standalone;

    @Option(names = {"-o", "--output"}, description = "Write here instead of stdout.")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Formulation formulation;
        try {
            formulation = FormulationJson.read(file);
            if (formulation.isLexicographic() && format != Format.latex) {
                err.println("warning: " + format + " holds one objective; exported the first goal ("
                        + formulation.objectives().getFirst().name() + "), the lower-priority goals are left out");
                err.flush();
            }
            String text = switch (format) {
                case latex -> standalone || (output != null && output.toString().endsWith(".tex"))
                        ? LatexRenderer.document(formulation) : LatexRenderer.render(formulation);
                case lp -> LpWriter.write(GroundModel.of(formulation.exportable()));
                case mps -> MpsWriter.write(GroundModel.of(formulation.exportable()));
            };
            if (output == null) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            } else {
                Files.writeString(output, text);
            }
            return 0;
        } catch (FormulationException e) {
            err.println(file + ": the formulation is not valid");
            e.diagnostics().forEach(d -> err.println("  " + d));
        } catch (IllegalArgumentException e) {
            err.println(file + ": " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            err.println(e.getMessage());
        }
        err.flush();
        return 1;
    }
}
