package dev.optagent.solvers.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Byte-level damage to a document: a cut, a flipped byte, a non-UTF-8 byte, a NaN literal, a byte-order mark. */
final class TextMutation {

    private TextMutation() {
    }

    static byte[] apply(byte[] bytes, Random random) {
        int at = random.nextInt(bytes.length + 1);
        return switch (random.nextInt(5)) {
            case 0 -> Arrays.copyOf(bytes, at);
            case 1 -> {
                byte[] copy = bytes.clone();
                if (copy.length > 0) copy[Math.min(at, copy.length - 1)] ^= (byte) (1 << random.nextInt(8));
                yield copy;
            }
            case 2 -> splice(bytes, at, new byte[] {(byte) 0xFF, (byte) 0xC3});
            case 3 -> new String(bytes, StandardCharsets.UTF_8).replaceFirst("\\b\\d+(\\.\\d+)?\\b",
                    random.nextBoolean() ? "NaN" : "-Infinity").getBytes(StandardCharsets.UTF_8);
            default -> splice(bytes, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        };
    }

    private static byte[] splice(byte[] bytes, int at, byte[] inserted) {
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }
}
