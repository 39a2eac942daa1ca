package dev.optagent.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test client for /ws/chat: sends JSON, collects every message the server sends.
 *
 * <p>It uses the JDK's WebSocket client rather than Vert.x's: under load the Vert.x client now and then dropped
 * the greeting the server sends right after the handshake (a frame that arrives in the same read as the 101
 * response), which made the tests flaky while the server had sent it.
 */
final class ChatClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    // One HTTP client for all test sessions: each JDK client owns a selector thread.
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private volatile boolean closed;
    private volatile String closeReason = "";

    ChatClient(URI base, String query) throws Exception {
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws/chat" + (query == null ? "" : "?" + query));
        socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, new Collector())
                .get(10, TimeUnit.SECONDS);
    }

    void send(Object message) throws Exception {
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    }

    /** Sends text as it is (not necessarily JSON, of any size). */
    void sendRaw(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    /** Messages up to and including the first of the given type (fails after the timeout). */
    List<JsonNode> until(String type, long seconds) throws InterruptedException {
        return untilOneOf(seconds, type);
    }

    /** Messages up to and including the first of any of the given types (fails after the timeout). */
    List<JsonNode> untilOneOf(long seconds, String... types) throws InterruptedException {
        List<String> wanted = List.of(types);
        List<JsonNode> messages = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            JsonNode next = received.poll(100, TimeUnit.MILLISECONDS);
            if (next == null) continue;
            messages.add(next);
            if (wanted.contains(next.path("type").asText())) return messages;
        }
        throw new AssertionError("no " + wanted + " message within " + seconds + " s; got " + messages);
    }

    /** Everything received so far (not consumed by {@link #until}) and the close reason, as text. */
    String receivedText() {
        return received + " " + closeReason;
    }

    boolean closedWithin(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!closed && System.nanoTime() < deadline) Thread.sleep(50);
        return closed;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        socket.abort();
    }

    /** Joins text fragments into whole messages and queues them as JSON. */
    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException("the server sent something that is not JSON: " + partial, e);
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = statusCode + " " + reason;
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
        }
    }
}
