package dev.optagent.agent.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.optagent.agent.trace.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls a LangChain4j {@link ChatModel} the way a paying user needs: a hard timeout per call, retries with
 * exponential backoff and jitter for transient failures (rate limits, 5xx, timeouts, dropped connections),
 * no retry for permanent ones (authentication, invalid request, unknown model), and token accounting.
 */
public final class LlmClient {

    private final ChatModel model;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration callTimeout;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public LlmClient(ChatModel model, int maxAttempts, Duration initialBackoff, Duration callTimeout) {
        this.model = model;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.initialBackoff = initialBackoff;
        this.callTimeout = callTimeout;
    }

    public String providerName() {
        return model.provider() == null ? model.getClass().getSimpleName() : model.provider().name();
    }

    /** Who was asked, for messages: the server and its URL when known, else the provider's name. */
    String asked() {
        return model instanceof ServedChatModel served ? served.describe() : "the " + providerName() + " model";
    }

    public LlmExchange chat(String system, String user, double temperature, int maxOutputTokens) {
        List<ChatMessage> messages = new ArrayList<>();
        List<Message> sent = new ArrayList<>();
        if (system != null && !system.isBlank()) {
            messages.add(SystemMessage.from(system));
            sent.add(new Message("system", system));
        }
        messages.add(UserMessage.from(user));
        sent.add(new Message("user", user));
        ChatRequest request = ChatRequest.builder().messages(messages).temperature(temperature).maxOutputTokens(maxOutputTokens).build();
        long start = System.nanoTime();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                ChatResponse response = call(request);
                String text = response.aiMessage() == null ? null : response.aiMessage().text();
                if (text == null || text.isBlank()) throw new EmptyReplyException();
                TokenUsage usage = response.tokenUsage();
                return new LlmExchange(sent, text,
                        usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                        usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount(),
                        (System.nanoTime() - start) / 1_000_000, attempt);
            } catch (NonRetriableException e) {
                throw new ProviderException(asked() + " refused the request: " + reason(e)
                        + " (not retried: this will not succeed by trying again)", false, e);
            } catch (RuntimeException e) {
                last = e;
                if (attempt < maxAttempts) sleep(backoff(attempt));
            }
        }
        throw new ProviderException(asked() + " did not answer after " + maxAttempts + " attempts: "
                + describe(last), true, last);
    }

    private ChatResponse call(ChatRequest request) {
        Future<ChatResponse> future = calls.submit(() -> model.chat(request));
        try {
            return future.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new CallTimeoutException(callTimeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while waiting for the model", false, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw new ProviderException("the model call failed: " + e.getCause(), true, e.getCause());
        }
    }

    private Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 10);
        long jitter = base == 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(base + jitter);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while backing off", false, e);
        }
    }

    private static String describe(RuntimeException e) {
        return e == null ? "no reply" : reason(e);
    }

    /**
     * Why a call failed, in words: the transport's reason when there is one (a provider that cannot be
     * reached surfaces as a wrapper with no message of its own, which used to read "refused the request: null").
     */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "cannot connect (" + (t.getMessage() == null || t.getMessage().isBlank() ? "connection refused or host unreachable"
                        : t.getMessage().toLowerCase(java.util.Locale.ROOT)) + ")";
            }
            if (t instanceof java.net.UnknownHostException) return "the host name does not resolve (DNS: unknown host " + t.getMessage() + ")";
            if (t instanceof java.net.http.HttpConnectTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return "the connection timed out";
            }
            if (t instanceof javax.net.ssl.SSLException) return "the TLS handshake failed (" + t.getMessage() + ")";
            if (t instanceof java.net.http.HttpTimeoutException || t instanceof dev.langchain4j.exception.TimeoutException) return "the request timed out";
            if (t instanceof dev.langchain4j.exception.HttpException http) return "HTTP " + http.statusCode() + body(http.getMessage());
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) return t.getMessage();
        }
        return "no reason given (" + failure.getClass().getSimpleName() + ")";
    }

    /** The start of an HTTP error's body (a provider's JSON error can be long). */
    private static String body(String message) {
        if (message == null || message.isBlank()) return "";
        String text = message.strip().replaceAll("\\s+", " ");
        return ": " + (text.length() > 200 ? text.substring(0, 197) + "..." : text);
    }

    /** A reply with no text: treated as transient (providers do this under load). */
    static final class EmptyReplyException extends RuntimeException {
        EmptyReplyException() {
            super("the model returned an empty reply");
        }
    }

    static final class CallTimeoutException extends RuntimeException {
        CallTimeoutException(Duration limit) {
            super("no reply within " + limit.toSeconds() + " s");
        }
    }
}
