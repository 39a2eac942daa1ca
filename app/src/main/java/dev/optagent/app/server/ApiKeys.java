package dev.optagent.app.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Constant-time comparison of a presented API key with the configured one. */
final class ApiKeys {

    private ApiKeys() {
    }

    static boolean matches(String configured, String presented) {
        if (presented == null) return false;
        return MessageDigest.isEqual(configured.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
