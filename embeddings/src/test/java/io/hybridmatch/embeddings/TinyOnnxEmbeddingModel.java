package io.hybridmatch.embeddings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a minimal ONNX sentence model for tests: {@code hidden = table[input_ids]} (one Gather), so its
 * output is known exactly. Unlike MiniLM it takes no {@code token_type_ids} and leaves its output dimension
 * symbolic, exercising the paths another model export would take. Encoded directly in protobuf wire format,
 * following onnx.proto, to need no ONNX tooling.
 */
final class TinyOnnxEmbeddingModel {

    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    private final int vocabularySize;
    private final int dimension;

    TinyOnnxEmbeddingModel(int vocabularySize, int dimension) {
        this.vocabularySize = vocabularySize;
        this.dimension = dimension;
    }

    /** The embedding of token {@code id}: distinct, deterministic, cheap to recompute in assertions. */
    float[] tokenVector(long id) {
        float[] vector = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            vector[d] = (float) Math.sin(id * 0.01 + d);
        }
        return vector;
    }

    Path writeTo(Path file) throws IOException {
        Files.write(file, model());
        return file;
    }

    private byte[] model() {
        return new Proto()
                .varint(1, 8) // ir_version
                .bytes(2, "hybridmatch-test")
                .message(7, graph())
                .message(8, new Proto().bytes(1, "").varint(2, 13)) // opset_import: default domain, opset 13
                .toByteArray();
    }

    private Proto graph() {
        Proto gather = new Proto()
                .bytes(1, "table").bytes(1, OnnxSentenceEmbedder.INPUT_IDS)
                .bytes(2, "last_hidden_state")
                .bytes(3, "lookup")
                .bytes(4, "Gather");
        return new Proto()
                .message(1, gather)
                .bytes(2, "tiny-sentence-model")
                .message(5, table())
                .message(11, tensorValue(OnnxSentenceEmbedder.INPUT_IDS, INT64, "batch", "tokens"))
                .message(11, tensorValue(OnnxSentenceEmbedder.ATTENTION_MASK, INT64, "batch", "tokens"))
                .message(12, tensorValue("last_hidden_state", FLOAT, "batch", "tokens", "dimension"));
    }

    private Proto table() {
        ByteBuffer values = ByteBuffer.allocate(vocabularySize * dimension * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int id = 0; id < vocabularySize; id++) {
            for (float v : tokenVector(id)) {
                values.putFloat(v);
            }
        }
        return new Proto()
                .varint(1, vocabularySize).varint(1, dimension)
                .varint(2, FLOAT)
                .bytes(8, "table")
                .bytes(9, values.array());
    }

    /** A ValueInfoProto whose dimensions are all symbolic. */
    private static Proto tensorValue(String name, int elementType, String... dimensions) {
        Proto shape = new Proto();
        for (String dimension : dimensions) {
            shape.message(1, new Proto().bytes(2, dimension));
        }
        Proto tensorType = new Proto().varint(1, elementType).message(2, shape);
        return new Proto().bytes(1, name).message(2, new Proto().message(1, tensorType));
    }

    /** The two protobuf wire types ONNX needs here: varints and length-delimited fields. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            rawVarint((long) field << 3);
            rawVarint(value);
            return this;
        }

        Proto bytes(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto bytes(int field, byte[] value) {
            rawVarint(((long) field << 3) | 2);
            rawVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        Proto message(int field, Proto message) {
            return bytes(field, message.toByteArray());
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }

        private void rawVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}
