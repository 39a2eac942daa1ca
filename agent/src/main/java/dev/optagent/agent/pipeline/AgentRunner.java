package dev.optagent.agent.pipeline;

import dev.optagent.agent.insight.InsightSource;
import dev.optagent.agent.check.FindingPolicy;
import dev.optagent.agent.prompt.PromptSource;
import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.AgentListener;
import dev.optagent.agent.AgentResult;
import dev.optagent.agent.AgentStatus;
import dev.optagent.agent.Decision;
import dev.optagent.agent.llm.LlmClient;
import dev.optagent.agent.llm.ProviderException;
import dev.optagent.solvers.ModelSolver;
import dev.optagent.solvers.Solution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the stages for one problem: k samples (concurrently when k > 1), the vote, and the answer. */
public final class AgentRunner {

    private final AgentConfig config;
    private final LlmClient llm;
    private final ModelSolver solver;
    private final InsightSource insights;
    private final PromptSource prompts;
    private final FindingPolicy findings;
    private final String workflow;

    public AgentRunner(AgentConfig config, LlmClient llm, ModelSolver solver, InsightSource insights) {
        this(config, llm, solver, insights, PromptSource.library(), FindingPolicy.asFound(), null);
    }

    /**
     * @param workflow the label of the workflow the prompts and policy come from, recorded with every LLM call;
     *                 null for the built-in workflow, whose traces stay as they always were
     */
    public AgentRunner(AgentConfig config, LlmClient llm, ModelSolver solver, InsightSource insights, PromptSource prompts,
                       FindingPolicy findings, String workflow) {
        this.config = config;
        this.llm = llm;
        this.solver = solver;
        this.insights = insights;
        this.prompts = prompts;
        this.findings = findings;
        this.workflow = workflow;
    }

    public AgentResult run(String problem, AgentListener listener) {
        return run(problem, null, listener);
    }

    /** @param revision null for a fresh problem; else the formulation to change and how */
    public AgentResult run(String problem, Revision revision, AgentListener listener) {
        RunContext context = new RunContext(problem, revision, config, llm, solver, insights, prompts, findings, workflow, listener);
        List<SampleOutcome> outcomes = new ArrayList<>();
        try {
            if (config.samples() <= 1) {
                outcomes.add(new Sample(context, 0, config.formulate().temperature()).run());
            } else {
                outcomes.addAll(samples(context));
            }
        } catch (ProviderException e) {
            if (outcomes.isEmpty()) {
                context.event("answer", "finished", 0, 0, "provider error");
                return new AgentResult(AgentStatus.PROVIDER_ERROR, null, "The language model could not be reached: " + e.getMessage(),
                        0, List.of(), e.getMessage(), null, null, null, null, context.cost(), context.trace.records());
            }
        }
        Vote.Result vote = Vote.decide(outcomes);
        SampleOutcome winner = vote.winner();
        if (outcomes.size() > 1) {
            context.event("vote", "finished", winner.attempt(), 0, Math.round(vote.confidence() * 100) + "% of samples agree");
        }
        Solution solution = winner.solution();
        List<Decision> decisions = winner.hasAnswer() ? AnswerWriter.decisions(winner.formulation(), solution) : List.of();
        String answer = AnswerWriter.text(winner.status(), winner.formulation(), solution, decisions, winner.message());
        context.event("answer", "finished", winner.attempt(), 0, answer.lines().findFirst().orElse(""));
        return new AgentResult(winner.status(), winner.hasAnswer() ? solution.objective() : null, answer,
                outcomes.size() > 1 ? vote.confidence() : (winner.hasAnswer() || winner.status() == AgentStatus.INFEASIBLE
                        || winner.status() == AgentStatus.UNBOUNDED ? 1 : 0),
                decisions, winner.message(), winner.formulation(), solution,
                solution == null ? null : solution.verification(), solution == null ? null : solution.diagnosis(),
                context.cost(), context.trace.records());
    }

    /** Self-consistency: the samples run concurrently on virtual threads (they mostly wait for the model). */
    private List<SampleOutcome> samples(RunContext context) {
        List<SampleOutcome> outcomes = new ArrayList<>();
        ProviderException failure = null;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SampleOutcome>> futures = new ArrayList<>();
            for (int k = 0; k < config.samples(); k++) {
                int attempt = k;
                futures.add(pool.submit(() -> new Sample(context, attempt, attempt == 0 ? config.formulate().temperature()
                        : config.sampleTemperature()).run()));
            }
            for (Future<SampleOutcome> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ProviderException provider) failure = provider;
                    else throw new IllegalStateException("a sample failed unexpectedly", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ProviderException("interrupted", false, e);
                }
            }
        }
        if (outcomes.isEmpty() && failure != null) throw failure;
        return outcomes;
    }
}
