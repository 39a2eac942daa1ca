package dev.optagent.agent.llm;

import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.model.chat.ChatModel;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LlmClientReasonTest {

    /** An unreachable provider arrives wrapped without a message; the reason is the transport's, never "null". */
    @Test
    void theTransportsReasonIsFoundUnderWrappersWithoutMessages() {
        RuntimeException wrapped = new RuntimeException(null, new RuntimeException(null, new java.net.ConnectException()));
        assertEquals("cannot connect (connection refused or host unreachable)", LlmClient.reason(wrapped));
        assertEquals("cannot connect (connection refused)", LlmClient.reason(new RuntimeException(new java.net.ConnectException("Connection refused"))));
        assertEquals("the host name does not resolve (DNS: unknown host llm.example)",
                LlmClient.reason(new RuntimeException(new java.net.UnknownHostException("llm.example"))));
        assertEquals("HTTP 401: bad key", LlmClient.reason(new RuntimeException(null, new IllegalStateException("HTTP 401: bad key"))));
        assertEquals("HTTP 503: overloaded", LlmClient.reason(new RuntimeException(new dev.langchain4j.exception.HttpException(503, "overloaded"))));
        assertTrue(LlmClient.reason(new RuntimeException()).startsWith("no reason given"));
    }

    private static LlmClient client(String baseUrl) {
        ChatModel model = ChatModels.create(Map.of("OPENAI_BASE_URL", baseUrl, "OPENAI_API_KEY", "test", "OPTAGENT_MODEL", "m1"), Duration.ofSeconds(5));
        return new LlmClient(model, 2, Duration.ZERO, Duration.ofSeconds(10));
    }

    /** A provider URL pointing at a closed port: the message names the server, its URL, the model and the cause. */
    @Test
    void aClosedPortSaysWhichServerAtWhichUrlAndWhy() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/v1";
        ProviderException e = assertThrows(ProviderException.class, () -> client(url).chat("s", "u", 0, 10));
        assertTrue(e.getMessage().startsWith("the OpenAI-compatible server at " + url + " (model m1) did not answer after 2 attempts: cannot connect ("),
                e.getMessage());
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    /** A server that answers with an HTTP error: its status and the start of its body. */
    @Test
    void anHttpErrorSaysTheStatus() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"error\": {\"message\": \"Incorrect API key provided\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            ProviderException e = assertThrows(ProviderException.class, () -> client(url).chat("s", "u", 0, 10));
            assertTrue(e.getMessage().startsWith("the OpenAI-compatible server at " + url + " (model m1) refused the request: HTTP 401"), e.getMessage());
            assertTrue(e.getMessage().contains("Incorrect API key provided"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }
}
