package dev.optagent.app.server;

import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.AgentListener;
import dev.optagent.agent.AgentResult;
import dev.optagent.agent.OptAgent;
import dev.optagent.agent.pipeline.FormulationAnswers;
import dev.optagent.formulation.Formulation;
import dev.optagent.solvers.ModelSolver;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.WorkflowException;
import dev.optagent.workflow.WorkflowFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The server's access to the agent and the solver, with the limits that keep one user from starving the
 * rest: a bounded number of solves in flight and a solver time cap.
 */
@ApplicationScoped
public class AgentService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AgentService.class);

    /** How long a request waits for a free solver slot before it is refused. */
    private static final long SLOT_WAIT_SECONDS = 30;

    private final ServerConfig config;
    private final ChatModelSource models;
    private final Semaphore slots;
    private final ModelSolver solver = new ModelSolver();
    private final Workflow workflow;
    private OptAgent agent;
    private Object agentModel;

    private final LibraryService library;

    @Inject
    public AgentService(ServerConfig config, ChatModelSource models, LibraryService library) {
        this.config = config;
        this.models = models;
        this.library = library;
        this.slots = new Semaphore(config.maxConcurrentSolves(), true);
        this.workflow = config.workflow().filter(file -> !file.isBlank()).map(AgentService::workflowFile).orElse(Workflow.defaults());
    }

    /** Read once at start-up, so a bad file stops the server with its reasons instead of failing the first solve. */
    private static Workflow workflowFile(String file) {
        try {
            Workflow loaded = WorkflowFile.read(java.nio.file.Path.of(file));
            LOG.infof("workflow %s (%s) from %s", loaded.name(), loaded.checksum().substring(0, 12), file);
            return loaded;
        } catch (WorkflowException e) {
            LOG.errorf("OPTAGENT_WORKFLOW: %s", e.getMessage());
            throw e;
        }
    }

    /** The workflow every solve runs: {@code name@checksum12}. */
    public String workflowLabel() {
        return workflow.name() + "@" + workflow.checksum().substring(0, 12);
    }

    public ChatModelSource.Selection selection() {
        return models.selection();
    }

    /** A fresh problem in plain language. */
    public AgentResult solve(String problem, AgentListener listener) {
        String text = checkedText(problem, "problem");
        OptAgent a = agent();
        long start = System.nanoTime();
        return logged("problem", bounded(() -> a.solve(text, listener)), start);
    }

    /** A follow-up turn: change {@code current} as {@code request} asks. */
    public AgentResult revise(String problem, Formulation current, String request, AgentListener listener) {
        String text = checkedText(request, "message");
        OptAgent a = agent();
        long start = System.nanoTime();
        return logged("revision", bounded(() -> a.revise(problem, current, text, listener)), start);
    }

    /** A formulation someone wrote or edited: no model involved. */
    public AgentResult solveFormulation(Formulation formulation) {
        long start = System.nanoTime();
        return logged("formulation", bounded(() -> {
            var solution = solver.solve(formulation, SolveOptions.defaults().withTimeLimit(config.solveTimeLimit()));
            return FormulationAnswers.of(formulation, solution, (System.nanoTime() - start) / 1_000_000);
        }), start);
    }

    String checkedText(String text, String what) {
        if (text == null || text.isBlank()) throw new ApiProblem(400, "Empty " + what, "the " + what + " text is empty");
        if (text.length() > config.maxProblemChars()) {
            throw new ApiProblem(413, "Too long", "the " + what + " has " + text.length() + " characters; the limit is "
                    + config.maxProblemChars());
        }
        return text;
    }

    /** One agent per model (the source may hand out a new model, say after reconfiguration). */
    private synchronized OptAgent agent() {
        var model = models.model().orElseThrow(() -> ApiProblem.noModel(models.selection().howToConfigure()));
        if (agent == null || agentModel != model) {
            agent = OptAgent.builder().chatModel(model)
                    .workflow(workflow.toAgent(AgentConfig.defaults().withSolveTimeLimit(config.solveTimeLimit()))).insights(library.source()).build();
            agentModel = model;
        }
        return agent;
    }

    /** One structured line per solve: what ran, how it ended, what it cost. */
    private static AgentResult logged(String kind, AgentResult result, long startNanos) {
        LOG.infof("solve kind=%s status=%s objective=%s llm_calls=%d tokens=%d millis=%d", kind, result.status(), result.objective(),
                result.cost() == null ? 0 : result.cost().llmCalls(),
                result.cost() == null ? 0 : result.cost().inputTokens() + result.cost().outputTokens(),
                (System.nanoTime() - startNanos) / 1_000_000);
        return result;
    }

    private <T> T bounded(Supplier<T> work) {
        try {
            if (!slots.tryAcquire(SLOT_WAIT_SECONDS, TimeUnit.SECONDS)) throw ApiProblem.busy(config.maxConcurrentSolves());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(503, "Interrupted", "the server is shutting down");
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
