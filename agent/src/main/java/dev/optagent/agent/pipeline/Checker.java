package dev.optagent.agent.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.agent.check.Finding;
import dev.optagent.agent.check.SemanticChecker;
import dev.optagent.formulation.Diagnostic;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.solvers.Solution;
import dev.optagent.solvers.SolveOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The check and solve stages: from a reply to an {@link Evaluation}, with no LLM involved. */
final class Checker {

    private final RunContext context;

    Checker(RunContext context) {
        this.context = context;
    }

    Evaluation evaluate(String reply) {
        List<Finding> findings = new ArrayList<>();
        Optional<JsonNode> json = dev.optagent.agent.llm.JsonReply.extract(reply);
        if (json.isEmpty() || json.get().has("verdict")) {
            findings.add(Finding.blocking("no-json", "the reply holds no formulation; answer with the complete formulation as one JSON"
                    + " object in a ```json code block"));
            return new Evaluation(null, null, null, findings);
        }
        String text = json.get().toPrettyString();
        Formulation formulation;
        GroundModel model;
        try {
            formulation = FormulationJson.parse(text);
            model = GroundModel.of(formulation);
        } catch (FormulationException e) {
            for (Diagnostic d : e.diagnostics()) findings.add(Finding.blocking(d.code(), d.withoutSeverity()));
            return new Evaluation(text, null, null, findings);
        }
        findings.addAll(context.findings.apply(SemanticChecker.check(context.problem, formulation)));
        for (Diagnostic warning : model.warnings()) findings.add(Finding.suspicion(warning.code(), warning.withoutSeverity()));
        SolveOptions options = SolveOptions.defaults().withTimeLimit(context.config.solveTimeLimit());
        // ranked goals and scenarios are solved from the formulation (the ground model is the base alone)
        Solution solution;
        try {
            solution = formulation.isLexicographic() || !formulation.scenarios().isEmpty()
                    ? context.solver.solve(formulation, options) : context.solver.solve(model, options);
        } catch (FormulationException e) { // a goal that does not ground, or "objective" and "objectives" together
            for (Diagnostic d : e.diagnostics()) findings.add(Finding.blocking(d.code(), d.withoutSeverity()));
            return new Evaluation(text, null, null, findings);
        }
        switch (solution.status()) {
            case OPTIMAL, FEASIBLE -> { }
            case INFEASIBLE -> findings.add(Finding.blocking("infeasible", "the solver proved the model INFEASIBLE. "
                    + (solution.diagnosis() == null ? "" : solution.diagnosis().explanation())));
            case UNBOUNDED -> findings.add(Finding.blocking("unbounded", "the solver proved the model UNBOUNDED. "
                    + (solution.diagnosis() == null ? "" : solution.diagnosis().explanation())));
            case TIME_LIMIT -> findings.add(Finding.blocking("time-limit", "the solver found no solution within "
                    + context.config.solveTimeLimit().toSeconds() + " s; a simpler or tighter model (bounds on integer variables) may help"));
            case ERROR -> findings.add(Finding.blocking("solver-error", "the model could not be solved: " + solution.message()));
        }
        return new Evaluation(text, formulation, solution, findings);
    }
}
