package dev.optagent.solvers.mp;

import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.solvers.Backend;
import dev.optagent.solvers.BackendResult;
import dev.optagent.solvers.NativeLibraries;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolveStatus;
import dev.optagent.solvers.SolverEngine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MPSolver engines (SCIP, HiGHS, CBC, GLOP, PDLP) through {@code MPSolver.solveWithProto}: the proto path
 * is the one that carries quadratic objectives and constraints, indicators and abs/min/max to SCIP.
 * The call is synchronous and owns no native object after it returns; the request's time limit bounds it.
 */
public final class MpEngine implements SolverEngine {

    private static final Map<Backend, String> VERSIONS = new ConcurrentHashMap<>();

    private final Backend backend;

    public MpEngine(Backend backend) {
        this.backend = backend;
    }

    @Override
    public BackendResult solve(GroundModel model, SolveOptions options) {
        NativeLibraries.ensureLoaded();
        MpCompiler compiler = new MpCompiler(model, backend == Backend.SCIP, backend == Backend.SCIP);
        MPModelProto proto = compiler.compile();
        boolean integral = proto.getVariableList().stream().anyMatch(v -> v.getIsInteger());
        if (integral && backend.isContinuousOnly()) {
            throw new dev.optagent.solvers.UnsupportedModelException(backend.name()
                    + " solves continuous models only and this model has integer variables; use SCIP, CBC or HiGHS");
        }
        MPModelRequest.Builder builder = MPModelRequest.newBuilder()
                .setModel(proto)
                .setSolverType(solverType(integral))
                .setSolverTimeLimitSeconds(Math.max(0.01, options.timeLimit().toMillis() / 1000.0));
        if (backend == Backend.SCIP && !options.parameters().scip().isEmpty()) {
            builder.setSolverSpecificParameters(options.parameters().scipText());
        }
        MPModelRequest request = builder.build();
        MPSolutionResponse response = MPSolver.solveWithProto(request);
        SolveStatus status = status(response.getStatus());
        String name = backend.name();
        String version = version();
        if (!status.hasSolution() || response.getVariableValueCount() < model.variableCount()) {
            String message = response.getStatusStr().isBlank() ? response.getStatus().name() : response.getStatusStr();
            return BackendResult.failed(status.hasSolution() ? SolveStatus.ERROR : status, name, version, message);
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
        return new BackendResult(status, values, name, version, response.getStatusStr(), duals, reducedCosts, false);
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
                return solver.solverVersion() + " (OR-Tools " + com.google.ortools.init.OrToolsVersion.getVersionString() + ")";
            } finally {
                solver.delete();
            }
        });
    }
}
