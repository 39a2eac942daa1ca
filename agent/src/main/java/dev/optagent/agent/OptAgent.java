package dev.optagent.agent;

import dev.optagent.agent.insight.InsightSource;
import dev.langchain4j.model.chat.ChatModel;
import dev.optagent.agent.llm.ChatModels;
import dev.optagent.agent.llm.LlmClient;
import dev.optagent.agent.pipeline.AgentRunner;
import dev.optagent.agent.pipeline.Revision;
import dev.optagent.agent.workflow.AgentWorkflow;
import dev.optagent.formulation.Formulation;
import dev.optagent.solvers.ModelSolver;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The OptAgent SDK: natural-language problem in, verified answer out. The model writes a declarative
 * formulation; nothing it writes is ever executed.
 *
 * <pre>{@code
 * OptAgent agent = OptAgent.builder().chatModel(model).build();
 * AgentResult result = agent.solve("A bakery makes bread and cakes ...");
 * }</pre>
 * Thread-safe: one agent can serve many problems concurrently.
 */
public final class OptAgent {

    private final AgentRunner runner;
    private final AgentListener listener;
    private final Executor executor;

    private OptAgent(Builder builder) {
        AgentConfig config = builder.config;
        LlmClient llm = config.llmClient(builder.chatModel);
        AgentWorkflow workflow = builder.workflow;
        this.runner = workflow == null ? new AgentRunner(config, llm, builder.solver, builder.insights)
                : new AgentRunner(config, llm, builder.solver, builder.insights, workflow.prompts(), workflow.findings(), workflow.label());
        this.listener = builder.listener;
        this.executor = builder.executor;
    }

    public static Builder builder() {
        return new Builder();
    }

    public AgentResult solve(String problem) {
        return solve(problem, listener);
    }

    /** Solves with a listener for this run only (the web UI passes one per conversation). */
    public AgentResult solve(String problem, AgentListener runListener) {
        if (problem == null || problem.isBlank()) throw new IllegalArgumentException("the problem text is empty");
        return runner.run(problem, runListener);
    }

    /**
     * A follow-up turn of a conversation: changes {@code current} as {@code request} asks, then checks, solves
     * and repairs as usual. {@code problem} is the conversation's problem text (repairs are judged against it
     * and the request).
     */
    public AgentResult revise(String problem, Formulation current, String request, AgentListener runListener) {
        if (problem == null || problem.isBlank()) throw new IllegalArgumentException("the problem text is empty");
        Revision revision = new Revision(current, request);
        return runner.run(problem + "\n\nRequested change: " + request.strip(), revision, runListener);
    }

    public CompletableFuture<AgentResult> solveAsync(String problem) {
        return solveAsync(problem, listener);
    }

    public CompletableFuture<AgentResult> solveAsync(String problem, AgentListener runListener) {
        return CompletableFuture.supplyAsync(() -> solve(problem, runListener), executor);
    }

    public static final class Builder {
        private ChatModel chatModel;
        private AgentConfig config = AgentConfig.defaults();
        private ModelSolver solver = new ModelSolver();
        private AgentListener listener = AgentListener.NONE;
        private InsightSource insights = InsightSource.none();
        private AgentWorkflow workflow;
        private Executor executor = Executors.newVirtualThreadPerTaskExecutor();

        public Builder chatModel(ChatModel model) {
            this.chatModel = Objects.requireNonNull(model);
            return this;
        }

        /** The chat model from {@code OPENAI_API_KEY} / {@code OPENAI_BASE_URL} / {@code OLLAMA_BASE_URL}; fails fast if none. */
        public Builder chatModelFromEnvironment() {
            this.chatModel = ChatModels.fromEnvironment();
            return this;
        }

        public Builder config(AgentConfig agentConfig) {
            this.config = Objects.requireNonNull(agentConfig);
            return this;
        }

        public Builder solver(ModelSolver modelSolver) {
            this.solver = Objects.requireNonNull(modelSolver);
            return this;
        }

        public Builder listener(AgentListener agentListener) {
            this.listener = Objects.requireNonNull(agentListener);
            return this;
        }

        /** Lessons to show the model at each LLM stage (the experience library plugs in here); none by default. */
        public Builder insights(InsightSource source) {
            this.insights = Objects.requireNonNull(source);
            return this;
        }

        /**
         * Runs a workflow (a trained or hand-written workflow file, see the {@code workflow} module): its knobs
         * replace the configuration, its prompt texts and check policy apply, and every LLM call records its label.
         * Without one the built-in workflow runs exactly as versioned.
         */
        public Builder workflow(AgentWorkflow agentWorkflow) {
            this.workflow = Objects.requireNonNull(agentWorkflow);
            this.config = agentWorkflow.config();
            return this;
        }

        public Builder executor(Executor asyncExecutor) {
            this.executor = Objects.requireNonNull(asyncExecutor);
            return this;
        }

        public OptAgent build() {
            if (chatModel == null) throw new IllegalStateException(ChatModels.HOW_TO_CONFIGURE);
            return new OptAgent(this);
        }
    }
}
