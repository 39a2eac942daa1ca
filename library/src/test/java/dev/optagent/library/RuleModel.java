package dev.optagent.library;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * A scripted model that answers by rule instead of by position: the first rule whose predicate holds for (system, user)
 * gives the reply. So a test can say "with the lesson in the prompt the model writes the right formulation, without it
 * the wrong one", and the learning loop is tested on what it actually sends.
 */
public final class RuleModel implements ChatModel {

    private record Rule(BiPredicate<String, String> when, String reply) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;

    public RuleModel when(BiPredicate<String, String> when, String reply) {
        rules.add(new Rule(when, reply));
        return this;
    }

    public RuleModel delay(Duration perCall) {
        this.delay = perCall;
        return this;
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        calls.incrementAndGet();
        String system = "";
        String user = "";
        for (var message : request.messages()) {
            if (message instanceof SystemMessage s) system += s.text();
            if (message instanceof UserMessage u) user += u.singleText();
        }
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Rule rule : rules) {
            if (rule.when().test(system, user)) {
                return ChatResponse.builder().aiMessage(AiMessage.from(rule.reply()))
                        .tokenUsage(new TokenUsage((system.length() + user.length()) / 4, rule.reply().length() / 4)).build();
            }
        }
        throw new IllegalStateException("no rule for the request: " + user.substring(0, Math.min(120, user.length())));
    }
}
