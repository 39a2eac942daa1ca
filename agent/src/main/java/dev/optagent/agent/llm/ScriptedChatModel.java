package dev.optagent.agent.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * A chat model that replays a script: recorded replies, failures and delays, in order. Used by tests,
 * offline demos and benchmark runs where no model is reachable; it also records every request it got.
 * Token counts are estimated at four characters a token unless the step gives them.
 */
public final class ScriptedChatModel implements ChatModel {

    private sealed interface Step permits Reply, Failure { }

    private record Reply(String text, Duration delay) implements Step { }

    private record Failure(Supplier<RuntimeException> error) implements Step { }

    private final Deque<Step> steps = new ArrayDeque<>();
    private final List<ChatRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private Duration latency = Duration.ZERO;

    public static ScriptedChatModel of(String... replies) {
        ScriptedChatModel model = new ScriptedChatModel();
        for (String reply : replies) model.reply(reply);
        return model;
    }

    public synchronized ScriptedChatModel reply(String text) {
        steps.add(new Reply(text, Duration.ZERO));
        return this;
    }

    /** A reply that arrives after a delay (for timeouts and latency benchmarks). */
    public synchronized ScriptedChatModel slowReply(String text, Duration delay) {
        steps.add(new Reply(text, delay));
        return this;
    }

    public synchronized ScriptedChatModel fail(Supplier<RuntimeException> error) {
        steps.add(new Failure(error));
        return this;
    }

    /** A fixed latency added to every reply (load tests). */
    public ScriptedChatModel withLatency(Duration perCall) {
        this.latency = perCall;
        return this;
    }

    public List<ChatRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public synchronized int remaining() {
        return steps.size();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        Step step;
        synchronized (this) {
            step = steps.poll();
        }
        if (step == null) throw new IllegalStateException("the script has no reply left for request " + requests.size());
        if (step instanceof Failure failure) throw failure.error().get();
        Reply reply = (Reply) step;
        sleep(reply.delay().plus(latency));
        int input = request.messages().stream().mapToInt(m -> m.toString().length()).sum() / 4;
        return ChatResponse.builder().aiMessage(AiMessage.from(reply.text()))
                .tokenUsage(new TokenUsage(input, reply.text().length() / 4)).build();
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) return;
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
