package io.hybridmatch.vector.faiss;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Caller ids ↔ FAISS labels. Labels are the positions vectors were added at; a replaced or deleted id leaves its
 * label behind as a tombstone (not live), which searches exclude through a bitmap until compaction renumbers.
 */
final class LabelMap {

    private long[] idOfLabel;
    private int labels;
    private final Map<Long, Integer> labelOfId;
    private final BitSet live;
    private volatile byte[] liveBitmap;

    LabelMap() {
        this(new long[16], 0, new BitSet());
    }

    private LabelMap(long[] idOfLabel, int labels, BitSet live) {
        this.idOfLabel = idOfLabel;
        this.labels = labels;
        this.live = live;
        this.labelOfId = HashMap.newHashMap(live.cardinality());
        live.stream().forEach(label -> labelOfId.put(idOfLabel[label], label));
    }

    /** Labels 0..n-1 holding {@code ids} in order, all live. */
    static LabelMap sequential(long[] ids) {
        BitSet live = new BitSet(ids.length);
        live.set(0, ids.length);
        return new LabelMap(Arrays.copyOf(ids, Math.max(16, ids.length)), ids.length, live);
    }

    int labelCount() {
        return labels;
    }

    int liveCount() {
        return labelOfId.size();
    }

    int tombstones() {
        return labels - labelOfId.size();
    }

    /** The live label of an id, or -1. */
    int labelOf(long id) {
        Integer label = labelOfId.get(id);
        return label == null ? -1 : label;
    }

    long idOf(long label) {
        return idOfLabel[Math.toIntExact(label)];
    }

    /** Records that {@code id} was added under the next label; its previous label must already be retired. */
    void append(long id) {
        if (labels == Integer.MAX_VALUE) {
            throw new IllegalStateException("an index holds at most " + Integer.MAX_VALUE + " labels");
        }
        if (labels == idOfLabel.length) {
            idOfLabel = Arrays.copyOf(idOfLabel, (int) Math.min(Integer.MAX_VALUE, idOfLabel.length * 2L));
        }
        if (labelOfId.putIfAbsent(id, labels) != null) {
            throw new IllegalStateException("id " + id + " is still live");
        }
        idOfLabel[labels] = id;
        live.set(labels++);
        liveBitmap = null;
    }

    /** Turns the id's label into a tombstone; false when the id was not live. */
    boolean retire(long id) {
        Integer label = labelOfId.remove(id);
        if (label == null) {
            return false;
        }
        live.clear(label);
        liveBitmap = null;
        return true;
    }

    /** Live ids, in label order. */
    long[] liveIds() {
        return live.stream().mapToLong(label -> idOfLabel[label]).toArray();
    }

    /** Live labels in increasing order. */
    int[] liveLabels() {
        return live.stream().toArray();
    }

    /** FAISS IDSelectorBitmap layout of the live labels (cached until the next change). */
    byte[] liveBitmap() {
        if (liveBitmap == null) {
            liveBitmap = live.toByteArray();
        }
        return liveBitmap;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(labels);
        for (int i = 0; i < labels; i++) {
            out.writeLong(idOfLabel[i]);
        }
        byte[] bitmap = live.toByteArray();
        out.writeInt(bitmap.length);
        out.write(bitmap);
    }

    static LabelMap readFrom(DataInput in) throws IOException {
        int labels = in.readInt();
        long[] ids = new long[Math.max(16, labels)];
        for (int i = 0; i < labels; i++) {
            ids[i] = in.readLong();
        }
        byte[] bitmap = new byte[in.readInt()];
        in.readFully(bitmap);
        BitSet live = BitSet.valueOf(bitmap);
        if (live.length() > labels) {
            throw new IOException("live bitmap names label " + (live.length() - 1) + " of " + labels);
        }
        return new LabelMap(ids, labels, live);
    }
}
