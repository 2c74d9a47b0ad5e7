package io.hybridmatch.vector.elasticsearch;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorRecord;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code vectors.bin} of a backup: a header (format tag, dimension, metric) then (id, float vector) records,
 * big-endian, written to a temporary name and renamed once complete and fsynced, so a present file is whole.
 */
final class VectorBackupFile {

    static final String FILE = "vectors.bin";
    private static final int FORMAT = 0x48564231; // "HVB1"

    private VectorBackupFile() {
    }

    /** Appends records; {@link #finish} makes the file visible under its final name. */
    static final class Writer implements Closeable {
        private final Path directory;
        private final Path partial;
        private final DataOutputStream out;
        private final int dimension;
        private long records;
        private boolean finished;

        Writer(Path directory, int dimension, Metric metric) throws IOException {
            Files.createDirectories(directory);
            this.directory = directory;
            this.partial = directory.resolve(FILE + ".partial");
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16));
            this.dimension = dimension;
            out.writeInt(FORMAT);
            out.writeInt(dimension);
            out.writeUTF(metric.name());
        }

        void write(long id, float[] vector) throws IOException {
            out.writeLong(id);
            for (int i = 0; i < dimension; i++) {
                out.writeFloat(vector[i]);
            }
            records++;
        }

        long records() {
            return records;
        }

        /** Returns the file's size in bytes. */
        long finish() throws IOException {
            out.flush();
            try (var channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            out.close();
            Path target = directory.resolve(FILE);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            finished = true;
            return Files.size(target);
        }

        @Override
        public void close() throws IOException {
            if (!finished) {
                out.close();
                Files.deleteIfExists(partial);
            }
        }
    }

    /** Reads the backup in {@code directory}, handing records over in batches of {@code batchSize}. */
    static void read(Path directory, int dimension, Metric metric, int batchSize, Consumer<List<VectorRecord>> batches)
            throws IOException {
        Path file = directory.resolve(FILE);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != FORMAT) {
                throw new IOException(file + " is not a vector backup");
            }
            int storedDimension = in.readInt();
            String storedMetric = in.readUTF();
            if (storedDimension != dimension || !storedMetric.equals(metric.name())) {
                throw new IllegalStateException(file + " holds " + storedDimension + "-dimension " + storedMetric
                        + " vectors; the store holds " + dimension + "-dimension " + metric);
            }
            List<VectorRecord> batch = new ArrayList<>(batchSize);
            while (true) {
                long id;
                try {
                    id = in.readLong();
                } catch (EOFException end) {
                    break;
                }
                float[] vector = new float[dimension];
                for (int i = 0; i < dimension; i++) {
                    vector[i] = in.readFloat();
                }
                batch.add(new VectorRecord(id, vector));
                if (batch.size() == batchSize) {
                    batches.accept(List.copyOf(batch));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                batches.accept(List.copyOf(batch));
            }
        }
    }
}
