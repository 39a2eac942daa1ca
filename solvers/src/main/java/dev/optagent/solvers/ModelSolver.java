package dev.optagent.solvers;

import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.Sense;
import dev.optagent.formulation.analysis.Classification;
import dev.optagent.formulation.analysis.Classifier;
import dev.optagent.formulation.analysis.ProblemClass;
import dev.optagent.formulation.analysis.SolutionCheck;
import dev.optagent.formulation.analysis.Verification;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;
import dev.optagent.solvers.analysis.Sensitivity;
import dev.optagent.solvers.analysis.SensitivityAnalysis;
import dev.optagent.solvers.diagnosis.ConflictArithmetic;
import dev.optagent.solvers.diagnosis.ElasticRelaxation;
import dev.optagent.solvers.diagnosis.InfeasibilityDiagnoser;
import dev.optagent.solvers.diagnosis.Relaxation;
import dev.optagent.solvers.diagnosis.UnboundednessDiagnoser;
import dev.optagent.solvers.cpsat.CpSatEngine;
import dev.optagent.solvers.fractional.Dinkelbach;
import dev.optagent.solvers.fractional.LinearFraction;
import dev.optagent.solvers.mp.MpEngine;
import dev.optagent.solvers.mp.SquareRoots;
import dev.optagent.solvers.nlp.NlpEngine;
import dev.optagent.solvers.proof.ProofSearch;
import dev.optagent.solvers.goals.LexicographicSolve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Solves a formulation end to end: ground, classify, route to an engine, solve, verify the answer
 * independently, and diagnose infeasible or unbounded models. Stateless and thread-safe.
 *
 * <pre>{@code
 * Solution s = new ModelSolver().solve(FormulationJson.read(path), SolveOptions.defaults());
 * }</pre>
 */
public final class ModelSolver {

    /** Grounds and solves; a malformed formulation throws {@link dev.optagent.formulation.FormulationException}. */
    public Solution solve(Formulation formulation, SolveOptions options) {
        if (!formulation.scenarios().isEmpty()) return solveScenarios(formulation, options);
        if (formulation.isLexicographic()) return new LexicographicSolve(this).solve(formulation, options);
        long start = System.nanoTime();
        GroundModel model = GroundModel.of(formulation);
        return solve(model, options, millisSince(start));
    }

    public Solution solve(GroundModel model, SolveOptions options) {
        return solve(model, options, 0);
    }

    private Solution solve(GroundModel model, SolveOptions options, long groundMillis) {
        long start = System.nanoTime();
        Classification classification = Classifier.classify(model);
        Backend backend = Routing.choose(classification, options.backend());
        if (options.backend() == Backend.AUTO && classification.hasIntegerVariables()
                && (backend == Backend.NLP || backend == Backend.CP_SAT) && SquareRoots.reformulable(model)) {
            // exact: t = sqrt(E) as t >= 0, t^2 = E; the local engine could only enumerate, CP-SAT has no sqrt
            backend = Backend.SCIP;
        }
        SolverEngine engine = engine(backend);
        BackendResult result = null;
        Backend stepBackend = options.backend() == Backend.AUTO ? fractionalSteps(model) : null;
        if (stepBackend != null) {
            try {
                result = new Dinkelbach(engine(stepBackend), LinearFraction.of(model.objective()).orElseThrow()).solve(model, options);
                backend = stepBackend;
                engine = engine(stepBackend);
            } catch (UnsupportedModelException e) {
                result = null; // e.g. a denominator that reaches zero: routed as any other nonlinear model
            }
        }
        if (result == null) {
            try {
                result = proofSearch(options, classification, backend) ? new ProofSearch().solve(model, options) : engine.solve(model, options);
            } catch (UnsupportedModelException e) {
                Backend fallback = options.backend() == Backend.AUTO ? Routing.fallback(classification, backend) : null;
                if (fallback == null) return failure(model, classification, backend, e.getMessage(), groundMillis + millisSince(start));
                backend = fallback;
                engine = engine(fallback);
                try {
                    result = engine.solve(model, options);
                } catch (UnsupportedModelException again) {
                    return failure(model, classification, backend, again.getMessage(), groundMillis + millisSince(start));
                }
            }
        }
        if (LocalSearchBackup.applies(classification, backend, result)) result = LocalSearchBackup.better(model, options, result);
        long solveMillis = millisSince(start);

        long verifyStart = System.nanoTime();
        Verification verification = null;
        SolveStatus status = result.status();
        String message = result.message();
        if (result.values() != null) {
            verification = SolutionCheck.verify(model, result.values(), options.tolerance());
            BackendResult polished = status.hasSolution() && inexact(verification) ? IntegerPolish.polish(model, result, options) : null;
            if (polished != null) {
                Verification again = SolutionCheck.verify(model, polished.values(), options.tolerance());
                if (again.passed() && (!verification.passed() || IntegerPolish.cleaner(again, verification))) {
                    result = polished;
                    verification = again;
                    message = polished.message();
                }
            }
            if (!verification.passed() && status.hasSolution()) {
                status = SolveStatus.ERROR;
                message = "the engine's answer failed verification (" + describe(verification)
                        + "); it is not reported as a solution";
            }
            if (status.hasSolution()) {
                var pole = VanishingDenominator.in(model, result.values());
                if (pole.isPresent()) {
                    status = SolveStatus.ERROR;
                    message = pole.get();
                }
            }
        }
        long verifyMillis = millisSince(verifyStart);

        long diagnoseStart = System.nanoTime();
        Diagnosis diagnosis = null;
        Optional<Relaxation> relaxation = Optional.empty();
        SolveOptions probe = options.withDiagnosis(false);
        if (status == SolveStatus.INFEASIBLE && model.hasObjective() && isFeasible(engine, model.withoutObjective(), probe)) {
            // Some engines (GLOP's presolve, for one) report "infeasible" for "infeasible or unbounded"; the
            // constraints alone decide. Always checked: reporting an unbounded model as infeasible is a wrong answer.
            status = SolveStatus.UNBOUNDED;
            message = "the constraints are feasible, so the objective is unbounded";
        }
        if (options.diagnose() && (status == SolveStatus.INFEASIBLE || status == SolveStatus.UNBOUNDED)) {
            if (status == SolveStatus.UNBOUNDED) {
                UnboundednessDiagnoser.Outcome outcome = new UnboundednessDiagnoser(engine, probe).diagnose(model);
                if (outcome.actuallyInfeasible()) status = SolveStatus.INFEASIBLE;
                else diagnosis = outcome.diagnosis();
            }
            if (status == SolveStatus.INFEASIBLE) {
                diagnosis = new InfeasibilityDiagnoser(engine, probe).diagnose(model);
                relaxation = new ElasticRelaxation(ModelSolver::engineFor, probe).relax(model);
                String arithmetic = new ConflictArithmetic(ModelSolver::engineFor, probe)
                        .explain(model, diagnosis.conflict(), relaxation).orElse(null);
                diagnosis = diagnosis.withArithmetic(arithmetic);
            }
        }
        Sensitivity sensitivity = status.hasSolution() && options.diagnose()
                ? SensitivityAnalysis.of(model, classification.problemClass(), result.values(), result, probe) : null;
        long diagnoseMillis = millisSince(diagnoseStart);

        boolean answered = status.hasSolution();
        Double bound = Double.isFinite(result.bound()) ? result.bound() : null;
        Double gap = answered && bound != null && verification.objective() != null ? gap(verification.objective(), bound) : null;
        return new Solution(status,
                answered ? verification.objective() : null,
                status == SolveStatus.OPTIMAL ? (result.localOnly() ? "local" : "global") : null,
                classification.problemClass(), result.backend(), result.version(),
                answered ? values(model, result.values()) : Map.of(),
                verification, diagnosis, relaxation.orElse(null), sensitivity, result.duals(), result.reducedCosts(),
                new Solution.Timings(groundMillis, solveMillis, verifyMillis, diagnoseMillis),
                message, model.warnings(), bound, gap, java.util.List.of(), Map.of());
    }

    /** The relative gap between the verified objective and the engine's bound (SCIP calls a gap below 1e-4 optimal). */
    private static Double gap(double objective, double bound) {
        return Math.abs(objective - bound) / Math.max(Math.abs(objective), 1e-10);
    }

    /**
     * A point that holds only within tolerance: it failed, or a big-M row or an integer is off by more than
     * round-off (SCIP's 7.99998 where the integer point is 8). The integer polish is tried for these.
     */
    private static boolean inexact(Verification verification) {
        return !verification.passed() || verification.maxViolation() > 1e-9 || verification.maxBoundViolation() > 1e-9
                || verification.maxIntegrality() > 1e-9;
    }

    /**
     * The base model, then each scenario on its own (every scenario applied before any solve, so an unknown name
     * in any of them is reported at once). Each scenario gets the full time limit, as a separate model would.
     */
    private Solution solveScenarios(Formulation formulation, SolveOptions options) {
        List<Formulation> variants = new java.util.ArrayList<>();
        List<dev.optagent.formulation.Diagnostic> errors = new java.util.ArrayList<>();
        for (int k = 0; k < formulation.scenarios().size(); k++) {
            try {
                variants.add(formulation.scenario(k));
            } catch (dev.optagent.formulation.FormulationException e) {
                errors.addAll(e.diagnostics());
            }
        }
        if (!errors.isEmpty()) throw new dev.optagent.formulation.FormulationException(errors);
        Solution base = solve(formulation.base(), options);
        Map<String, Solution> byName = new LinkedHashMap<>();
        for (int k = 0; k < variants.size(); k++) {
            String name = formulation.scenarios().get(k).name();
            byName.put(name == null || name.isBlank() ? "scenario" + (k + 1) : name, solve(variants.get(k), options));
        }
        return base.withScenarios(byName);
    }

    /** MILPs on SCIP under AUTO get the proof search (a probe first, so models SCIP proves at once pay nothing). */
    private static boolean proofSearch(SolveOptions options, Classification classification, Backend backend) {
        return options.proofSearch() && options.backend() == Backend.AUTO && backend == Backend.SCIP
                && classification.problemClass() == ProblemClass.MILP;
    }

    /**
     * The engine for the linear steps when the objective is a ratio of affine expressions over constraints an
     * LP or MILP engine takes (solved exactly by {@link Dinkelbach}); null otherwise.
     */
    private static Backend fractionalSteps(GroundModel model) {
        return LinearFraction.of(model.objective()).map(fraction -> {
            Classification steps = Classifier.classify(model.withObjective(Sense.MINIMIZE, fraction.denominator()));
            boolean linear = steps.problemClass() == ProblemClass.LP || steps.problemClass() == ProblemClass.MILP;
            return linear ? Routing.choose(steps, Backend.AUTO) : null;
        }).orElse(null);
    }

    static boolean isFeasible(SolverEngine engine, GroundModel model, SolveOptions options) {
        try {
            return engine.solve(model, options).status().hasSolution();
        } catch (UnsupportedModelException e) {
            return false;
        }
    }

    /** The engine {@code --backend auto} picks for a derived model (elastic relaxation, conflict probes). */
    static SolverEngine engineFor(GroundModel derived) {
        return engine(Routing.choose(Classifier.classify(derived), Backend.AUTO));
    }

    static SolverEngine engine(Backend backend) {
        return switch (backend) {
            case NLP -> new NlpEngine();
            case CP_SAT -> new CpSatEngine();
            default -> new MpEngine(backend);
        };
    }

    private static Solution failure(GroundModel model, Classification classification, Backend backend, String message, long millis) {
        return new Solution(SolveStatus.ERROR, null, null, classification.problemClass(), backend.name(), null, Map.of(),
                null, null, Map.of(), Map.of(), new Solution.Timings(millis, 0, 0, 0), message, model.warnings());
    }

    /** Values by instance label; integer variables are rounded (they passed the integrality check). */
    private static Map<String, Double> values(GroundModel model, double[] values) {
        Map<String, Double> byLabel = new LinkedHashMap<>();
        for (VariableInstance variable : model.variables()) {
            double value = values[variable.index()];
            if (variable.isDiscrete()) value = Math.rint(value);
            // Simplex round-off such as 6e-14 is reported as the 0 it stands for (and no "-0.0").
            if (Math.abs(value) < 1e-9) value = 0;
            byLabel.put(variable.label(), value);
        }
        return byLabel;
    }

    private static String describe(Verification verification) {
        if (verification.worstConstraint() != null && verification.maxViolation() > 0) {
            return verification.worstConstraint() + " violated by " + verification.maxViolation();
        }
        if (verification.worstBound() != null && verification.maxBoundViolation() > 0) {
            return verification.worstBound() + " outside its bounds by " + verification.maxBoundViolation();
        }
        if (verification.worstIntegral() != null) {
            return verification.worstIntegral() + " is " + verification.maxIntegrality() + " from an integer";
        }
        return "objective is not finite";
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
