package dev.optagent.agent.llm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LlmClientReasonTest {

    /** An unreachable provider arrives wrapped without a message; the reason is the transport's, never "null". */
    @Test
    void theTransportsReasonIsFoundUnderWrappersWithoutMessages() {
        RuntimeException wrapped = new RuntimeException(null, new RuntimeException(null, new java.net.ConnectException()));
        assertEquals("cannot connect to the server (connection refused or unreachable)", LlmClient.reason(wrapped));
        assertEquals("unknown host llm.example", LlmClient.reason(new RuntimeException(new java.net.UnknownHostException("llm.example"))));
        assertEquals("HTTP 401: bad key", LlmClient.reason(new RuntimeException(null, new IllegalStateException("HTTP 401: bad key"))));
        assertTrue(LlmClient.reason(new RuntimeException()).startsWith("no reason given"));
    }
}
