package dev.optagent.tuning.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.optagent.agent.prompt.PromptTemplate;
import dev.optagent.tuning.design.ModelExchange;
import dev.optagent.tuning.design.Proposal;
import dev.optagent.tuning.space.Configuration;
import dev.optagent.tuning.space.InvalidConfigurationException;
import dev.optagent.tuning.space.SearchSpace;
import dev.optagent.tuning.study.StudyFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks the model for configurations and keeps the usable ones, for the warm start and the candidate sampler alike:
 * a configuration that is invalid, repeats an accepted one or one already tried is dropped with the reason; while
 * fewer than asked are kept and the call budget lasts, the model is asked again with the prompt's {@code retry} part
 * (the reasons and the accepted ones). Every exchange is returned.
 */
final class ConfigurationRequest {

    private ConfigurationRequest() {
    }

    static Proposal ask(ChatCall chat, PromptTemplate prompt, String system, String user, SearchSpace space, int count, int maxCalls,
                        List<Configuration> tried) {
        List<Configuration> accepted = new ArrayList<>();
        List<ModelExchange> exchanges = new ArrayList<>();
        String message = user;
        for (int call = 0; call < maxCalls && accepted.size() < count; call++) {
            ChatCall.Reply reply = chat.chat(system, message);
            List<String> dropped = new ArrayList<>();
            int before = accepted.size();
            List<Map<String, Object>> raw = ConfigurationReply.parse(reply.text());
            if (raw.isEmpty()) dropped.add("the reply holds no configurations in the asked JSON format");
            for (Map<String, Object> candidate : raw) {
                if (accepted.size() == count) {
                    dropped.add(candidate + ": more than the " + count + " asked");
                    continue;
                }
                try {
                    Configuration config = space.validate(candidate);
                    if (accepted.stream().anyMatch(config::sameAs)) dropped.add(candidate + ": repeats an accepted configuration");
                    else if (tried.stream().anyMatch(config::sameAs)) dropped.add(candidate + ": was tried already");
                    else accepted.add(config);
                } catch (InvalidConfigurationException e) {
                    dropped.add(candidate + ": " + e.getMessage());
                }
            }
            exchanges.add(new ModelExchange(prompt.id(), system, message, reply.text(), accepted.size() - before, dropped,
                    reply.inputTokens(), reply.outputTokens()));
            if (accepted.size() < count) {
                message = user + "\n\n" + prompt.render("retry", Map.of(
                        "problems", dropped.isEmpty() ? "- too few configurations" : "- " + String.join("\n- ", dropped),
                        "accepted_count", Integer.toString(accepted.size()),
                        "accepted", accepted.isEmpty() ? "(none)" : String.join("\n", accepted.stream().map(c -> "- " + json(c)).toList()),
                        "count", Integer.toString(count - accepted.size())));
            }
        }
        return new Proposal(accepted, exchanges);
    }

    /** A configuration as one line of JSON, for prompts. */
    static String json(Configuration c) {
        try {
            return StudyFile.JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(c);
        } catch (JsonProcessingException e) {
            return c.toString();
        }
    }
}
