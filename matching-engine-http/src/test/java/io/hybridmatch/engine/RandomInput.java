package io.hybridmatch.engine;

import java.util.List;
import java.util.Random;

/**
 * Seeded pieces of malformed input, shared by the engine's and the worker's malformed-input tests: one seed, the
 * same pieces in the same order.
 */
public final class RandomInput {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éèàçœ漢字💥\"\\/\t";
    private static final int ALPHABET_CODE_POINTS = ALPHABET.codePointCount(0, ALPHABET.length());
    private static final List<byte[]> NOT_UTF_8 = List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});

    private final Random random;

    public RandomInput(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Letters, digits, spaces, quotes, backslashes, tabs and some non-ASCII (accents, CJK, an emoji), in random order. */
    public String text(int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            out.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, random.nextInt(ALPHABET_CODE_POINTS))));
        }
        return out.toString();
    }

    /** {@code valid} with bytes that are not UTF-8 (a lone continuation byte, an overlong form, 0xFF, a surrogate) inside. */
    public byte[] withInvalidUtf8(byte[] valid) {
        byte[] bad = pick(NOT_UTF_8);
        int at = 1 + random.nextInt(Math.max(1, valid.length - 1));
        byte[] out = new byte[valid.length + bad.length];
        System.arraycopy(valid, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(valid, at, out, at + bad.length, valid.length - at);
        return out;
    }
}
