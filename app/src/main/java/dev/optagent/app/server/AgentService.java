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

import dev.optagent.formulation.analysis.Classifier;
import dev.optagent.formulation.analysis.ProblemClass;
import dev.optagent.formulation.ground.GroundModel;

/**
 * The server's access to the agent and the solver, with the limits that keep one user from starving the
 * rest: a bounded number of solves in flight and a solver time cap.
 */
@ApplicationScoped
public class AgentService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AgentService.class);

    /** A linear program up to this many variable instances and constraint rows runs in the express lane. */
    static final int EXPRESS_SIZE = 20_000;

    private final ServerConfig config;
    private final ChatModelSource models;
    private final SolveLanes lanes;
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
        int standard = config.maxConcurrentSolves() > 0 ? config.maxConcurrentSolves()
                : Math.max(2, Runtime.getRuntime().availableProcessors());
        this.lanes = new SolveLanes(standard, config.expressSolves(), config.queueWait());
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
        return logged("problem", lanes.run(SolveLanes.Lane.STANDARD, () -> a.solve(text, listener)), start);
    }

    /** A follow-up turn: change {@code current} as {@code request} asks. */
    public AgentResult revise(String problem, Formulation current, String request, AgentListener listener) {
        String text = checkedText(request, "message");
        OptAgent a = agent();
        long start = System.nanoTime();
        return logged("revision", lanes.run(SolveLanes.Lane.STANDARD, () -> a.revise(problem, current, text, listener)), start);
    }

    /** A formulation someone wrote or edited: no model involved. */
    public AgentResult solveFormulation(Formulation formulation) {
        long start = System.nanoTime();
        GroundModel model = GroundModel.of(formulation); // an invalid model is refused before it takes a slot
        return logged("formulation", lanes.run(lane(model), () -> {
            var solution = solver.solve(model, SolveOptions.defaults().withTimeLimit(config.solveTimeLimit()));
            return FormulationAnswers.of(formulation, solution, (System.nanoTime() - start) / 1_000_000);
        }), start);
    }

    /** Small linear programs (solved in milliseconds by GLOP) take the express lane; everything else the standard one. */
    static SolveLanes.Lane lane(GroundModel model) {
        boolean linear = Classifier.classify(model).problemClass() == ProblemClass.LP;
        return linear && model.variables().size() + model.constraints().size() <= EXPRESS_SIZE
                ? SolveLanes.Lane.EXPRESS : SolveLanes.Lane.STANDARD;
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
}
