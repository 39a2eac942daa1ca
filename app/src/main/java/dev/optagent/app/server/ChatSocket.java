package dev.optagent.app.server;

import dev.optagent.agent.AgentResult;
import dev.optagent.agent.AgentStatus;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.diff.FormulationDiff;
import dev.optagent.formulation.render.LatexRenderer;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat: each message streams the agent's stage events as they happen, then the answer with what changed
 * in the model. A conversation keeps its formulation, so "trucks come in whole numbers" edits the model and
 * re-solves. Model text is sent as data and rendered as text by the page, never as HTML.
 */
@WebSocket(path = "/ws/chat")
public class ChatSocket {

    private static final Logger LOG = Logger.getLogger(ChatSocket.class);

    @Inject
    AgentService agent;

    @Inject
    ServerConfig config;

    @Inject
    RateLimiter limiter;

    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        if (config.apiKey().isPresent()) {
            var handshake = connection.handshakeRequest();
            String query = handshake.query() == null ? null : queryKey(handshake.query());
            String presented = ClientGate.presentedKey(handshake.header("X-API-Key"), handshake.header("Authorization"), query);
            if (!ApiKeys.matches(config.apiKey().get(), presented)) {
                // Say why before closing, so the page can ask for the key.
                return connection.sendText(ChatMessage.Out.error(401, "API key required", "connect with ?key=YOUR_KEY"))
                        .chain(() -> connection.close(new CloseReason(1008, "API key required")));
            }
        }
        conversations.put(connection.id(), new Conversation());
        var selection = agent.selection();
        return connection.sendText(ChatMessage.Out.status(new StatusResource.Status(selection.configured(), selection.provider(),
                selection.model(), selection.howToConfigure(), null, agent.workflowLabel())));
    }

    @OnTextMessage
    @RunOnVirtualThread
    public void message(ChatMessage.In message, WebSocketConnection connection) {
        Conversation conversation = conversations.get(connection.id());
        if (conversation == null) return;
        if (!limiter.allow("ws" + connection.id())) {
            send(connection, ChatMessage.Out.error(429, "Too many messages", "slow down a little and try again"));
            return;
        }
        if (!conversation.start()) {
            send(connection, ChatMessage.Out.error(409, "Busy", "still working on your previous message"));
            return;
        }
        try {
            switch (message.type() == null ? "" : message.type()) {
                case "ask" -> ask(conversation, message.text(), connection);
                case "formulation" -> solveEdited(conversation, message, connection);
                case "reset" -> conversation.reset();
                case "resume" -> resume(conversation, message);
                default -> send(connection, ChatMessage.Out.error(400, "Unknown message", "type must be ask, formulation, reset or resume"));
            }
        } catch (ApiProblem e) {
            send(connection, ChatMessage.Out.error(e.status(), e.title(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("chat message failed", e);
            send(connection, ChatMessage.Out.error(500, "Internal error",
                    "the server failed on this message; the conversation is kept, try again"));
        } finally {
            conversation.finish();
        }
    }

    private void ask(Conversation conversation, String text, WebSocketConnection connection) {
        Formulation before = conversation.current();
        // A model loaded or edited in the workbench has no problem text; the model itself is then the statement.
        String problem = conversation.problem().isBlank() ? "The planner's own model (the current formulation)." : conversation.problem();
        AgentResult result = before == null
                ? agent.solve(text, event -> send(connection, ChatMessage.Out.event(event)))
                : agent.revise(problem, before, text, event -> send(connection, ChatMessage.Out.event(event)));
        if (result.status() != AgentStatus.PROVIDER_ERROR) conversation.said(text);
        answer(conversation, before, result, connection);
    }

    private void solveEdited(Conversation conversation, ChatMessage.In message, WebSocketConnection connection) {
        if (message.formulation() == null) {
            send(connection, ChatMessage.Out.error(400, "No formulation", "send the edited formulation in \"formulation\""));
            return;
        }
        Formulation edited;
        try {
            edited = FormulationJson.parse(message.formulation().toString());
            dev.optagent.formulation.ground.GroundModel.of(edited);
        } catch (FormulationException e) {
            send(connection, ChatMessage.Out.invalid(e.diagnostics()));
            return;
        }
        Formulation before = conversation.current();
        answer(conversation, before, agent.solveFormulation(edited), connection);
    }

    private void resume(Conversation conversation, ChatMessage.In message) {
        Formulation formulation = null;
        if (message.formulation() != null && !message.formulation().isNull()) {
            try {
                formulation = FormulationJson.parse(message.formulation().toString());
            } catch (FormulationException e) {
                formulation = null; // a stored model that no longer parses: the next message starts afresh
            }
        }
        conversation.resume(message.turns(), formulation);
    }

    private void answer(Conversation conversation, Formulation before, AgentResult result, WebSocketConnection connection) {
        Formulation after = result.formulation();
        List<FormulationDiff.Change> changes = before != null && after != null ? FormulationDiff.between(before, after) : null;
        if (after != null && result.status() != AgentStatus.PROVIDER_ERROR) conversation.adopt(after);
        String latex = after == null ? null : LatexRenderer.render(after);
        // A provider failure's message already says which server at which URL failed, and why (LlmClient).
        ChatMessage.Answer answer = ChatMessage.Answer.of(result, latex, conversation.problem());
        send(connection, ChatMessage.Out.answer(answer, changes));
    }

    private static void send(WebSocketConnection connection, ChatMessage.Out message) {
        if (!connection.isOpen()) return;
        try {
            connection.sendTextAndAwait(message);
        } catch (RuntimeException e) {
            LOG.debugf("could not send to %s: %s", connection.id(), e.getMessage());
        }
    }

    private static String queryKey(String query) {
        for (String pair : query.split("&")) {
            if (pair.startsWith("key=")) return java.net.URLDecoder.decode(pair.substring(4), java.nio.charset.StandardCharsets.UTF_8);
        }
        return null;
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        conversations.remove(connection.id());
    }

    @OnError
    public ChatMessage.Out error(Throwable failure) {
        // Jackson's own words name Java types; say what is wrong with the message in JSON terms instead.
        Throwable cause = failure;
        while (cause != null && !(cause instanceof com.fasterxml.jackson.core.JsonProcessingException)) cause = cause.getCause();
        String detail = cause != null ? FormulationJson.explain((com.fasterxml.jackson.core.JsonProcessingException) cause)
                : "send a JSON object such as {\"type\": \"ask\", \"text\": \"...\"}";
        return ChatMessage.Out.error(400, "Bad message", "could not read the message: " + detail);
    }
}
