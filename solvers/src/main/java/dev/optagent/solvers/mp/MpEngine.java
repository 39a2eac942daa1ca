package dev.optagent.solvers.mp;

import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import com.google.ortools.linearsolver.PartialVariableAssignment;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.solvers.Backend;
import dev.optagent.solvers.BackendResult;
import dev.optagent.solvers.EngineInterrupt;
import dev.optagent.solvers.NativeLibraries;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.EngineOutcome;
import dev.optagent.solvers.SolveStatus;
import dev.optagent.solvers.SolverEngine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MPSolver engines (SCIP, HiGHS, CBC, GLOP, PDLP) through {@code MPSolver.solveWithProto}: the proto path
 * is the one that carries quadratic objectives and constraints, indicators and abs/min/max to SCIP.
 * The proto call cannot be stopped; linear MILPs for SCIP go through an {@code MPSolver} instance that can ({@link EngineInterrupt}).
 */
public final class MpEngine implements SolverEngine {

    private static final Map<Backend, String> VERSIONS = new ConcurrentHashMap<>();

    private final Backend backend;

    public MpEngine(Backend backend) {
        this.backend = backend;
    }

    @Override
    public BackendResult solve(GroundModel model, SolveOptions options) {
        return solve(model, options, null);
    }

    /**
     * Solves with a starting point for the engine's search (SCIP and HiGHS use it as a first incumbent when it
     * is feasible); {@code hint} has one value per variable instance, or is null.
     */
    public BackendResult solve(GroundModel model, SolveOptions options, double[] hint) {
        NativeLibraries.ensureLoaded();
        MpCompiler compiler = new MpCompiler(model, backend == Backend.SCIP, backend == Backend.SCIP);
        MPModelProto proto = compiler.compile();
        if (hint != null) {
            PartialVariableAssignment.Builder start = PartialVariableAssignment.newBuilder();
            for (int k = 0; k < model.variableCount(); k++) start.addVarIndex(k).addVarValue(hint[k]);
            proto = proto.toBuilder().setSolutionHint(start).build();
        }
        boolean integral = proto.getVariableList().stream().anyMatch(v -> v.getIsInteger());
        if (integral && backend.isContinuousOnly()) {
            throw new dev.optagent.solvers.UnsupportedModelException(backend.name()
                    + " solves continuous models only and this model has integer variables; use SCIP, CBC or HiGHS");
        }
        MPModelRequest.Builder request = MPModelRequest.newBuilder()
                .setModel(proto)
                .setSolverType(solverType(integral))
                .setSolverTimeLimitSeconds(Math.max(0.01, options.timeLimit().toMillis() / 1000.0))
                .setEnableInternalSolverOutput(false);
        // HiGHS prints its banner on standard output even with solver output off; --json needs stdout clean
        if (backend == Backend.HIGHS) request.setSolverSpecificParameters("output_flag=false");
        if (backend == Backend.SCIP && !options.parameters().scip().isEmpty()) {
            request.setSolverSpecificParameters(options.parameters().scipText());
        }
        MPSolutionResponse response = interruptible(proto, integral)
                ? solveInterruptibly(request.build(), hint, integral)
                : MPSolver.solveWithProto(request.build());
        SolveStatus status = status(response);
        String name = backend.name();
        String version = version();
        if (!status.hasSolution() || response.getVariableValueCount() < model.variableCount()) {
            String message = words(status, response);
            if (status == SolveStatus.TIME_LIMIT) {
                message = highsStoppedEarly(response)
                        ? "HiGHS stopped at the time limit without a proof, and OR-Tools returns no incumbent from such a stop"
                        : "no solution within the time limit (" + message + ")";
            }
            return BackendResult.failed(status.hasSolution() ? SolveStatus.ERROR : status, name, version, message)
                    .withBound(bound(response, integral));
        }
        double[] values = new double[model.variableCount()];
        for (int k = 0; k < values.length; k++) values[k] = response.getVariableValue(k);
        Map<String, Double> duals = new LinkedHashMap<>();
        Map<String, Double> reducedCosts = new LinkedHashMap<>();
        if (!integral && proto.getGeneralConstraintCount() == 0 && !proto.hasQuadraticObjective()) {
            List<String> rows = compiler.linearRowLabels();
            for (int k = 0; k < Math.min(rows.size(), response.getDualValueCount()); k++) duals.put(rows.get(k), response.getDualValue(k));
            for (int k = 0; k < Math.min(values.length, response.getReducedCostCount()); k++) {
                reducedCosts.put(model.variable(k).label(), response.getReducedCost(k));
            }
        }
        String message = response.getStatusStr();
        if (status == SolveStatus.FEASIBLE && response.getStatus() != MPSolverResponseStatus.MPSOLVER_FEASIBLE) {
            message = "stopped at the time limit with an incumbent (" + message + ")";
        }
        return new BackendResult(status, values, name, version, message, duals, reducedCosts, false, bound(response, integral));
    }

    /**
     * {@code solveWithProto} cannot be stopped, so a MILP for SCIP with only linear rows (what {@code MPSolver} can
     * load) is solved through an {@code MPSolver} instance instead, whose {@code interruptSolve} {@link EngineInterrupt}
     * calls when the solving thread is interrupted. Indicator, abs/min/max and quadratic models keep the proto path and
     * end at their time limit.
     */
    private boolean interruptible(MPModelProto proto, boolean integral) {
        return backend == Backend.SCIP && integral && proto.getGeneralConstraintCount() == 0
                && !proto.hasQuadraticObjective();
    }

    private MPSolutionResponse solveInterruptibly(MPModelRequest request, double[] hint, boolean integral) {
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) return MPSolver.solveWithProto(request);
        try {
            String refused = solver.loadModelFromProto(request.getModel());
            if (!refused.isEmpty()) return MPSolver.solveWithProto(request);
            solver.setTimeLimit(Math.max(10, Math.round(request.getSolverTimeLimitSeconds() * 1000)));
            if (request.hasSolverSpecificParameters() && !solver.setSolverSpecificParametersAsString(request.getSolverSpecificParameters())) {
                return MPSolver.solveWithProto(request); // the proto path words the refusal
            }
            if (hint != null) solver.setHint(solver.variables(), hint);
            EngineInterrupt.during(solver::interruptSolve, solver::solve);
            MPSolutionResponse response = solver.createSolutionResponseProto();
            if (integral && !response.hasBestObjectiveBound() && Double.isFinite(solver.objective().bestBound())) {
                response = response.toBuilder().setBestObjectiveBound(solver.objective().bestBound()).build();
            }
            return response;
        } finally {
            solver.delete();
        }
    }

    /** The dual bound of a MIP solve; LP engines report none (their optimum is its own proof). */
    private static double bound(MPSolutionResponse response, boolean integral) {
        return integral && response.hasBestObjectiveBound() && Double.isFinite(response.getBestObjectiveBound())
                ? response.getBestObjectiveBound() : Double.NaN;
    }

    /** The outcome for people: never an internal code such as MPSOLVER_INFEASIBLE. */
    private static String words(SolveStatus status, MPSolutionResponse response) {
        String common = EngineOutcome.words(status);
        if (common != null) return common;
        String statusText = response.getStatusStr().contains("MPSOLVER_") ? "" : response.getStatusStr();
        String detail = statusText.isBlank() ? "" : ": " + EngineOutcome.reason(statusText);
        return switch (response.getStatus()) {
            case MPSOLVER_MODEL_INVALID, MPSOLVER_MODEL_INVALID_SOLVER_PARAMETERS -> EngineOutcome.invalid(statusText);
            case MPSOLVER_SOLVER_TYPE_UNAVAILABLE -> "this solver is not available in this build";
            case MPSOLVER_CANCELLED_BY_USER -> "the solve was cancelled";
            default -> "the solver failed" + detail;
        };
    }

    private MPModelRequest.SolverType solverType(boolean integral) {
        return switch (backend) {
            case HIGHS -> integral ? MPModelRequest.SolverType.HIGHS_MIXED_INTEGER_PROGRAMMING : MPModelRequest.SolverType.HIGHS_LINEAR_PROGRAMMING;
            case CBC -> integral ? MPModelRequest.SolverType.CBC_MIXED_INTEGER_PROGRAMMING : MPModelRequest.SolverType.CLP_LINEAR_PROGRAMMING;
            case GLOP -> MPModelRequest.SolverType.GLOP_LINEAR_PROGRAMMING;
            case PDLP -> MPModelRequest.SolverType.PDLP_LINEAR_PROGRAMMING;
            default -> MPModelRequest.SolverType.SCIP_MIXED_INTEGER_PROGRAMMING;
        };
    }

    /**
     * HiGHS answers a time-out with an unknown status and "Warning HiGHS run()" (its kWarning return); that is
     * a stop at the limit, not an engine error: FEASIBLE with the point when one comes back (verified like any
     * other), else TIME_LIMIT (OR-Tools 9.15 passes on no incumbent from such a stop).
     */
    private SolveStatus status(MPSolutionResponse response) {
        if (highsStoppedEarly(response)) {
            return response.getVariableValueCount() > 0 ? SolveStatus.FEASIBLE : SolveStatus.TIME_LIMIT;
        }
        return status(response.getStatus());
    }

    private boolean highsStoppedEarly(MPSolutionResponse response) {
        return backend == Backend.HIGHS && response.getStatusStr().contains("Warning HiGHS run()")
                && (response.getStatus() == MPSolverResponseStatus.MPSOLVER_UNKNOWN_STATUS
                    || response.getStatus() == MPSolverResponseStatus.MPSOLVER_ABNORMAL);
    }

    private static SolveStatus status(MPSolverResponseStatus status) {
        return switch (status) {
            case MPSOLVER_OPTIMAL -> SolveStatus.OPTIMAL;
            case MPSOLVER_FEASIBLE -> SolveStatus.FEASIBLE;
            case MPSOLVER_INFEASIBLE -> SolveStatus.INFEASIBLE;
            case MPSOLVER_UNBOUNDED -> SolveStatus.UNBOUNDED;
            case MPSOLVER_NOT_SOLVED -> SolveStatus.TIME_LIMIT;
            default -> SolveStatus.ERROR;
        };
    }

    private String version() {
        return VERSIONS.computeIfAbsent(backend, b -> {
            String id = switch (b) {
                case HIGHS -> "HIGHS";
                case CBC -> "CBC";
                case GLOP -> "GLOP";
                case PDLP -> "PDLP";
                default -> "SCIP";
            };
            MPSolver solver = MPSolver.createSolver(id);
            if (solver == null) return "unavailable";
            try {
                String own = solver.solverVersion();
                // OR-Tools' HiGHS interface answers with the PDLP interface's text; name the engine that ran
                if (b == Backend.HIGHS && !own.toLowerCase(java.util.Locale.ROOT).contains("highs")) own = "HiGHS";
                return own + " (OR-Tools " + com.google.ortools.init.OrToolsVersion.getVersionString() + ")";
            } finally {
                solver.delete();
            }
        });
    }
}
