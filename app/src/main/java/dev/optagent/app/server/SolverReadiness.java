package dev.optagent.app.server;

import dev.optagent.formulation.FormulationJson;
import dev.optagent.solvers.ModelSolver;
import dev.optagent.solvers.SolveOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import jakarta.enterprise.context.ApplicationScoped;

/** Ready once OR-Tools' native libraries load and solve a one-variable LP (checked once, then remembered). */
@Readiness
@ApplicationScoped
public class SolverReadiness implements HealthCheck {

    private volatile HealthCheckResponse verdict;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse known = verdict;
        if (known != null && known.getStatus() == HealthCheckResponse.Status.UP) return known;
        HealthCheckResponse now;
        try {
            var solution = new ModelSolver().solve(FormulationJson.parse(
                    "{\"variables\": [{\"name\": \"x\", \"upper\": 1}], \"objective\": {\"sense\": \"maximize\", \"expression\": \"x\"}}"),
                    SolveOptions.defaults());
            now = HealthCheckResponse.named("solver").status(solution.isOptimal())
                    .withData("backend", String.valueOf(solution.backend())).build();
        } catch (RuntimeException | LinkageError e) {
            now = HealthCheckResponse.named("solver").down().withData("error", e.getMessage() == null ? e.toString() : e.getMessage()).build();
        }
        verdict = now;
        return now;
    }
}
