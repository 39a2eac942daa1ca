package dev.optagent.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.chat.ChatModel;
import dev.optagent.agent.AgentResult;
import dev.optagent.agent.OptAgent;
import dev.optagent.agent.llm.ChatModels;
import dev.optagent.formulation.FormulationJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code optagent solve "problem text"} or {@code --file problem.txt}: the agent end to end. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Formulate and solve a problem written in plain language (needs a configured language model).",
        footerHeading = "%nExamples:%n",
        footer = {"  optagent solve \"A bakery makes bread and cake ... maximise profit.\"",
                "  optagent solve --file datasets/problems/bakery.txt --json"})
final class SolveCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT).build();

    /** Where the chat model comes from; tests replace it with a scripted one. */
    static Supplier<ChatModel> models = ChatModels::fromEnvironment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "PROBLEM", description = "The problem text (or use --file).")
    String text;

    @Option(names = {"-f", "--file"}, description = "Read the problem from a file.")
    Path file;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Option(names = "--trace", description = "Include the full trace (every prompt and reply).")
    boolean trace;





    @picocli.CommandLine.Mixin
    AgentOptions agentOptions = new AgentOptions();

    /** Why nothing was solved: one line on stderr, or with --json one JSON object on stdout (scripts read stdout). */
    private int refuse(String status, String message) throws IOException {
        if (json) {
            ObjectNode node = JSON.createObjectNode().put("status", status).put("error", message);
            spec.commandLine().getOut().println(JSON.writeValueAsString(node));
            spec.commandLine().getOut().flush();
        } else {
            spec.commandLine().getErr().println("optagent solve: " + message);
            spec.commandLine().getErr().flush();
        }
        return 2;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = file != null ? Files.readString(file) : text;
        if (problem == null || problem.isBlank()) return refuse("NO_PROBLEM", "give the problem text as an argument or with --file");
        ChatModel model;
        try {
            model = models.get();
        } catch (IllegalStateException e) {
            return refuse("NO_MODEL", e.getMessage());
        }
        dev.optagent.agent.workflow.AgentWorkflow workflow;
        try {
            workflow = agentOptions.agentWorkflow();
        } catch (dev.optagent.workflow.WorkflowException e) {
            err.println("optagent solve: " + e.getMessage());
            err.flush();
            return 2;
        }
        LibraryChoice library = LibraryChoice.of(agentOptions.library, agentOptions.insightsPrompt);
        OptAgent agent = OptAgent.builder().chatModel(model).workflow(workflow).insights(library.source())
                .listener(event -> {
                    if (!json && "finished".equals(event.kind())) {
                        err.println("[" + event.stage() + (event.round() > 0 ? " round " + event.round() : "")
                                + (event.attempt() > 0 ? " sample " + event.attempt() : "") + "] " + event.summary());
                        err.flush();
                    }
                }).build();
        AgentResult result = agent.solve(problem);
        if (json) {
            ObjectNode node = JSON.valueToTree(result);
            if (!trace) node.remove("trace");
            out.println(JSON.writeValueAsString(node));
        } else {
            out.println(result.answer());
            out.printf("%ncost: %d LLM call(s), %d input + %d output tokens, %.1f s%n", result.cost().llmCalls(),
                    result.cost().inputTokens(), result.cost().outputTokens(), result.cost().wallMillis() / 1000.0);
            if (result.formulation() != null) out.println("\nformulation:\n" + FormulationJson.write(result.formulation()));
            if (trace) out.println("\ntrace:\n" + JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(result.trace()));
        }
        out.flush();
        return result.hasAnswer() || result.status().name().equals("INFEASIBLE") || result.status().name().equals("UNBOUNDED") ? 0 : 1;
    }
}
