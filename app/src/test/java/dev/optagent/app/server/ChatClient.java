package dev.optagent.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test client for /ws/chat: sends JSON, collects every message the server sends. */
final class ChatClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocketClient client;
    private final WebSocket socket;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    ChatClient(Vertx vertx, URI base, String query) throws Exception {
        client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort())
                .setURI("/ws/chat" + (query == null ? "" : "?" + query));
        // Handlers are in place before the handshake, so the server's greeting can never be missed.
        ClientWebSocket ws = client.webSocket();
        ws.textMessageHandler(text -> {
            try {
                received.add(JSON.readTree(text));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ws.closeHandler(v -> closed = true);
        socket = ws.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    void send(Object message) throws Exception {
        socket.writeTextMessage(JSON.writeValueAsString(message)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Messages up to and including the first of the given type (fails after the timeout). */
    List<JsonNode> until(String type, long seconds) throws InterruptedException {
        List<JsonNode> messages = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            JsonNode next = received.poll(100, TimeUnit.MILLISECONDS);
            if (next == null) continue;
            messages.add(next);
            if (next.path("type").asText().equals(type)) return messages;
        }
        throw new AssertionError("no '" + type + "' message within " + seconds + " s; got " + messages);
    }

    boolean closedWithin(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!closed && System.nanoTime() < deadline) Thread.sleep(50);
        return closed;
    }

    @Override
    public void close() {
        socket.close();
        client.close();
    }
}
