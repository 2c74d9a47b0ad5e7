package io.hybridmatch.vector.faiss;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * A store's state at a WAL sequence number: the FAISS index file ({@code write_index}) and the label map, both
 * named after the sequence, made current by atomically replacing the {@code CURRENT} file that names it. A crash
 * at any point leaves either the previous snapshot or the new one current, never a mix.
 */
record Snapshot(long sequence, String factory, FaissIndex index, LabelMap labels) {

    private static final String CURRENT = "CURRENT";
    private static final int MAGIC = 0x484d4653; // "HMFS"
    private static final int FORMAT = 1;

    static void write(Path directory, long sequence, String factory, FaissIndex index, LabelMap labels) throws IOException {
        Path indexFile = directory.resolve(indexName(sequence));
        Path stateFile = directory.resolve(stateName(sequence));
        index.write(indexFile);
        fsync(indexFile);
        try (FileChannel channel = FileChannel.open(stateFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream stream = Channels.newOutputStream(channel);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeLong(sequence);
            out.writeUTF(factory);
            labels.writeTo(out);
            out.flush();
            channel.force(true);
        }
        Path next = directory.resolve(CURRENT + ".next");
        Files.writeString(next, Long.toString(sequence), StandardCharsets.US_ASCII);
        fsync(next);
        Files.move(next, directory.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsync(directory);
        deleteOlderThan(directory, sequence);
    }

    /** The current snapshot, or empty for a new store. */
    static Optional<Snapshot> read(Path directory) throws IOException {
        Path current = directory.resolve(CURRENT);
        if (!Files.exists(current)) {
            return Optional.empty();
        }
        long sequence = currentSequence(directory);
        String factory;
        LabelMap labels;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(directory.resolve(stateName(sequence))), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException("not a vector store snapshot: " + directory.resolve(stateName(sequence)));
            }
            if (in.readLong() != sequence) {
                throw new IOException("snapshot state does not match " + current);
            }
            factory = in.readUTF();
            labels = LabelMap.readFrom(in);
        }
        FaissIndex index = FaissIndex.read(directory.resolve(indexName(sequence)));
        if (index.count() != labels.labelCount()) {
            index.close();
            throw new IOException("snapshot " + sequence + " holds " + index.count() + " vectors for "
                    + labels.labelCount() + " labels");
        }
        return Optional.of(new Snapshot(sequence, factory, index, labels));
    }

    static boolean exists(Path directory) {
        return Files.exists(directory.resolve(CURRENT));
    }

    /** Copies the current snapshot's files into {@code target} (created; must not exist), durably; returns the bytes. */
    static long copy(Path directory, Path target) throws IOException {
        long sequence = currentSequence(directory);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.createDirectory(target);
        long bytes = 0;
        for (String name : List.of(indexName(sequence), stateName(sequence), CURRENT)) {
            Path copy = target.resolve(name);
            Files.copy(directory.resolve(name), copy);
            fsync(copy);
            bytes += Files.size(copy);
        }
        fsync(target);
        return bytes;
    }

    /** Copies a snapshot made by {@link #copy} into {@code directory}, which must not hold a store yet. */
    static void restore(Path backup, Path directory) throws IOException {
        long sequence = currentSequence(backup);
        Files.createDirectories(directory);
        for (String name : List.of(CURRENT, "wal.log")) {
            if (Files.exists(directory.resolve(name)) && Files.size(directory.resolve(name)) > 0) {
                throw new IOException(directory + " already holds a vector store (" + name + "); restore into an empty directory");
            }
        }
        // CURRENT last: until it is there, the directory holds no snapshot
        for (String name : List.of(indexName(sequence), stateName(sequence), CURRENT)) {
            Path copy = directory.resolve(name);
            Files.copy(backup.resolve(name), copy, StandardCopyOption.REPLACE_EXISTING);
            fsync(copy);
        }
        fsync(directory);
    }

    private static long currentSequence(Path directory) throws IOException {
        return Long.parseLong(Files.readString(directory.resolve(CURRENT), StandardCharsets.US_ASCII).trim());
    }

    private static String indexName(long sequence) {
        return "snapshot-" + sequence + ".faiss";
    }

    private static String stateName(long sequence) {
        return "snapshot-" + sequence + ".state";
    }

    private static void deleteOlderThan(Path directory, long sequence) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "snapshot-*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                long fileSequence = Long.parseLong(name.substring("snapshot-".length(), name.indexOf('.')));
                if (fileSequence < sequence) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static void fsync(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
