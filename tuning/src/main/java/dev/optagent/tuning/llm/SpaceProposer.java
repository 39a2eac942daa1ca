package dev.optagent.tuning.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.agent.llm.JsonReply;
import dev.optagent.agent.prompt.PromptLibrary;
import dev.optagent.agent.prompt.PromptTemplate;
import dev.optagent.tuning.design.ModelExchange;
import dev.optagent.tuning.space.SearchSpace;
import dev.optagent.tuning.space.SpaceReader;
import dev.optagent.tuning.study.Direction;
import dev.optagent.tuning.study.ProblemDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The language model sets up a study from a plain-language description: the versioned prompt
 * {@code tuning-space@1} asks for the parameters (type, range, scale, meaning), the metric and its direction. The
 * reply is read tolerantly ({@link SpaceReader}); when a parameter, the metric or the direction cannot be used, the
 * model is asked again with the problems, within a call budget. If the budget runs out, the last reply's sound
 * parameters are kept and the rest reported as dropped — the user edits the proposal before any study exists.
 */
public final class SpaceProposer {

    public static final String PROMPT = "tuning-space@1";

    /**
     * A proposed study set-up, and how it came about.
     *
     * @param dropped what could not be used from the last reply (empty when the proposal is whole)
     */
    public record SpaceProposal(ProblemDescription description, SearchSpace space, List<String> dropped, List<ModelExchange> exchanges) {

        public SpaceProposal {
            dropped = List.copyOf(dropped);
            exchanges = List.copyOf(exchanges);
        }
    }

    /** The model proposed nothing usable within the budget; {@link #exchanges()} says what it answered. */
    public static final class NoUsableSpace extends RuntimeException {

        private final List<ModelExchange> exchanges;

        NoUsableSpace(List<String> problems, List<ModelExchange> exchanges) {
            super("the model proposed no usable search space after " + exchanges.size() + " call(s): " + String.join("; ", problems));
            this.exchanges = List.copyOf(exchanges);
        }

        public List<ModelExchange> exchanges() {
            return exchanges;
        }
    }

    private final ChatCall chat;
    private final int maxCalls;
    private final int maxParameters;

    public SpaceProposer(ChatCall chat, int maxCalls, int maxParameters) {
        this.chat = chat;
        this.maxCalls = Math.max(1, maxCalls);
        this.maxParameters = Math.max(1, maxParameters);
    }

    public SpaceProposal propose(String description) {
        if (description == null || description.isBlank()) throw new IllegalArgumentException("describe what is being tuned");
        PromptTemplate prompt = PromptLibrary.load(PROMPT);
        String system = prompt.render("system", Map.of("max_parameters", Integer.toString(maxParameters)));
        String user = prompt.render("user", Map.of("description", description.strip()));
        List<ModelExchange> exchanges = new ArrayList<>();
        String message = user;
        SpaceProposal partial = null;
        List<String> problems = List.of();
        for (int call = 0; call < maxCalls; call++) {
            ChatCall.Reply reply = chat.chat(system, message);
            problems = new ArrayList<>();
            Optional<JsonNode> node = JsonReply.extract(reply.text());
            SpaceReader.Result read = node.map(n -> SpaceReader.read(n, maxParameters))
                    .orElse(new SpaceReader.Result(List.of(), List.of("the reply holds no JSON object in the asked format")));
            problems.addAll(read.problems());
            Direction direction = null;
            String metric = node.map(n -> n.path("metric").asText("").strip()).orElse("");
            if (node.isPresent()) {
                try {
                    direction = Direction.parse(node.get().path("direction").asText(""));
                } catch (IllegalArgumentException e) {
                    problems.add("'direction' must be minimize or maximize");
                }
                if (metric.isEmpty()) problems.add("'metric' is missing: say what one trial measures");
            }
            exchanges.add(new ModelExchange(prompt.id(), system, message, reply.text(), read.parameters().size(), problems,
                    reply.inputTokens(), reply.outputTokens()));
            if (!read.parameters().isEmpty()) {
                JsonNode n = node.get();
                partial = new SpaceProposal(new ProblemDescription(n.path("subject").asText(description.strip()), metric,
                        direction == null ? Direction.MINIMIZE : direction, n.path("context").asText("")),
                        new SearchSpace(read.parameters()), problems, exchanges);
            }
            if (problems.isEmpty()) return partial;
            message = user + "\n\n" + prompt.render("retry", Map.of("problems", "- " + String.join("\n- ", problems)));
        }
        if (partial == null) throw new NoUsableSpace(problems, exchanges);
        return new SpaceProposal(partial.description(), partial.space(), partial.dropped(), exchanges);
    }
}
