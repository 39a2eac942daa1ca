package dev.optagent.library.learn;

import dev.optagent.library.model.Taxonomy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content-derived insight ids ({@code ins-3f9a1c2e}): two learners that arrive at the same insight give it the same id,
 * so a shared store keeps one copy, and a run resumed after a kill re-finds what it had already accepted.
 */
final class InsightIds {

    private InsightIds() {
    }

    static String of(Taxonomy taxonomy, String condition, String explanation) {
        String key = taxonomy.stage() + "|" + taxonomy.level1() + "|" + taxonomy.level2() + "|" + condition.strip() + "|" + explanation.strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "ins-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
