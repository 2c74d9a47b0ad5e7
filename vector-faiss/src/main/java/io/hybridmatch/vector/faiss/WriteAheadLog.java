package io.hybridmatch.vector.faiss;

import io.hybridmatch.vector.VectorRecord;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Append-only log of a store's writes; an append returns once it is on disk ({@code fsync}).
 *
 * <p>Frame: {@code int length, int crc32c(payload), payload}; payload: {@code long sequence, byte kind, int count},
 * then {@code count} × (id, dimension floats) for an upsert or {@code count} ids for a delete. A torn or corrupt
 * frame (a crash mid-append) ends the log: replay stops there and the tail is cut off.
 */
final class WriteAheadLog implements AutoCloseable {

    private static final byte UPSERT = 1;
    private static final byte DELETE = 2;
    private static final int HEADER = Integer.BYTES * 2;

    private final FileChannel channel;
    private final int dimension;

    private WriteAheadLog(FileChannel channel, int dimension) {
        this.channel = channel;
        this.dimension = dimension;
    }

    /** Opens the log, hands every intact entry to {@code replay} in order, and cuts off a torn tail. */
    static WriteAheadLog open(Path file, int dimension, Consumer<WalEntry> replay) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            WriteAheadLog log = new WriteAheadLog(channel, dimension);
            long end = log.replay(replay);
            if (end < channel.size()) {
                channel.truncate(end);
                channel.force(true);
            }
            channel.position(end);
            return log;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    void appendUpsert(long sequence, List<VectorRecord> records) throws IOException {
        ByteBuffer payload = payload(sequence, UPSERT, records.size(), records.size() * (Long.BYTES + dimension * Float.BYTES));
        for (VectorRecord r : records) {
            payload.putLong(r.id());
            payload.asFloatBuffer().put(r.vector());
            payload.position(payload.position() + dimension * Float.BYTES);
        }
        append(payload);
    }

    void appendDelete(long sequence, long[] ids) throws IOException {
        ByteBuffer payload = payload(sequence, DELETE, ids.length, ids.length * Long.BYTES);
        payload.asLongBuffer().put(ids);
        payload.position(payload.position() + ids.length * Long.BYTES);
        append(payload);
    }

    long size() throws IOException {
        return channel.size();
    }

    /** Empties the log once a snapshot holds everything in it. */
    void reset() throws IOException {
        channel.truncate(0);
        channel.position(0);
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static ByteBuffer payload(long sequence, byte kind, int count, int body) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + Long.BYTES + 1 + Integer.BYTES + body);
        buffer.position(HEADER);
        return buffer.putLong(sequence).put(kind).putInt(count);
    }

    private void append(ByteBuffer frame) throws IOException {
        int length = frame.position() - HEADER;
        CRC32C crc = new CRC32C();
        crc.update(frame.array(), frame.arrayOffset() + HEADER, length);
        frame.putInt(0, length).putInt(Integer.BYTES, (int) crc.getValue());
        frame.flip();
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
        channel.force(false);
    }

    private long replay(Consumer<WalEntry> sink) throws IOException {
        long position = 0;
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (position + HEADER <= size) {
            header.clear();
            channel.read(header, position);
            int length = header.getInt(0);
            if (length < Long.BYTES + 1 + Integer.BYTES || position + HEADER + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            while (payload.hasRemaining() && channel.read(payload, position + HEADER + payload.position()) > 0) {
                // reads until the payload is full
            }
            CRC32C crc = new CRC32C();
            crc.update(payload.array());
            if ((int) crc.getValue() != header.getInt(Integer.BYTES)) {
                break;
            }
            WalEntry entry = decode(payload.flip());
            if (entry == null) {
                break;
            }
            sink.accept(entry);
            position += HEADER + length;
        }
        return position;
    }

    private WalEntry decode(ByteBuffer payload) {
        long sequence = payload.getLong();
        byte kind = payload.get();
        int count = payload.getInt();
        if (kind == UPSERT && count >= 0 && payload.remaining() == (long) count * (Long.BYTES + dimension * Float.BYTES)) {
            List<VectorRecord> records = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long id = payload.getLong();
                float[] vector = new float[dimension];
                payload.asFloatBuffer().get(vector);
                payload.position(payload.position() + dimension * Float.BYTES);
                records.add(new VectorRecord(id, vector));
            }
            return new WalEntry.Upsert(sequence, records);
        }
        if (kind == DELETE && count >= 0 && payload.remaining() == (long) count * Long.BYTES) {
            long[] ids = new long[count];
            payload.asLongBuffer().get(ids);
            return new WalEntry.Delete(sequence, ids);
        }
        return null;
    }
}
