package io.hybridmatch.embeddings;

import java.util.List;

/** The input contract every {@link TextEmbedder} enforces, so callers get the same error whichever one they hold. */
final class EmbeddingInputs {

    private EmbeddingInputs() {
    }

    /**
     * @throws IllegalArgumentException if the list or one of its texts is null, empty or blank; a blank text has no
     *                                  meaning to embed, and the HTTP layer maps this exception to 400
     */
    static List<String> requireEmbeddable(List<String> texts) {
        if (texts == null) {
            throw new IllegalArgumentException("texts must not be null");
        }
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null) {
                throw new IllegalArgumentException("text at index " + i + " is null");
            }
            if (text.isBlank()) {
                throw new IllegalArgumentException("text at index " + i + " is empty or blank");
            }
        }
        return texts;
    }
}
