package io.hybridmatch.bench.vectors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Vectors of one dimension kept in a file as raw little-endian floats, one after the other, so that vectors that
 * took the model an hour are computed once: the count is the file's size over a vector's, and more are appended.
 */
final class VectorFile {

    private final Path file;
    private final int dimension;

    VectorFile(Path file, int dimension) {
        this.file = file;
        this.dimension = dimension;
    }

    /** How many whole vectors the file holds (none when it does not exist). */
    int count() throws IOException {
        return Files.exists(file) ? (int) (Files.size(file) / bytesPerVector()) : 0;
    }

    /** The first {@code n} vectors. */
    float[][] read(int n) throws IOException {
        float[][] out = new float[n][dimension];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(bytesPerVector()).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] vector : out) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer) < 0) {
                        throw new IOException(file + " holds fewer than " + n + " vectors");
                    }
                }
                buffer.flip().asFloatBuffer().get(vector);
            }
        }
        return out;
    }

    void append(List<float[]> vectors) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ByteBuffer buffer = ByteBuffer.allocate(vectors.size() * bytesPerVector()).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] vector : vectors) {
            if (vector.length != dimension) {
                throw new IllegalArgumentException("vector of dimension " + vector.length + ", file of " + dimension);
            }
            for (float x : vector) {
                buffer.putFloat(x);
            }
        }
        buffer.flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // a run stopped mid-write leaves part of a vector: it is dropped, not shifted into the next one
            channel.truncate(channel.size() / bytesPerVector() * bytesPerVector());
            channel.position(channel.size());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private int bytesPerVector() {
        return dimension * Float.BYTES;
    }
}
