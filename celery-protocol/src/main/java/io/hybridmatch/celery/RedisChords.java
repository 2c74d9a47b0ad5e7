package io.hybridmatch.celery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Redis backend's native chord join (celery/backends/redis.py {@code on_chord_part_return}, with Celery's
 * default {@code result_chord_ordered}): each finished header task adds {@code [1, task_id, state, result]} to the
 * sorted set {@code celery-taskset-meta-<group>.j} with its group index as score; when the set holds
 * {@code .s} (the header size the client stored) + {@code .t} (tasks added to the chord later) members, the body
 * runs with the results in group order — or, if a part failed, the body fails with {@code ChordError}. The worker
 * performs the Redis commands (atomically: two parts may finish at once) and deletes the three keys afterwards.
 */
public final class RedisChords {

    private static final String PREFIX = "celery-taskset-meta-";

    private RedisChords() {
    }

    /** The keys of one chord: {@code .j} the parts' results, {@code .t} extra size, {@code .s} the header size. */
    public record Keys(String join, String total, String size) {
        public List<String> all() {
            return List.of(join, total, size);
        }
    }

    public static Keys keys(String groupId) {
        return new Keys(PREFIX + groupId + ".j", PREFIX + groupId + ".t", PREFIX + groupId + ".s");
    }

    /** The member a finished part adds to {@code .j}. */
    public static byte[] part(TaskResult result) {
        return CeleryJson.write(Arrays.asList(1, result.taskId(), result.status(), result.resultJson()));
    }

    /** Its score: the group index, or +inf when the part has none. */
    public static double score(TaskMessage part) {
        return part.groupIndex() == null ? Double.POSITIVE_INFINITY : part.groupIndex();
    }

    /** True when the chord is complete: as many parts in {@code .j} as {@code .s} + {@code .t}. */
    public static boolean complete(long parts, byte[] size, byte[] extra) {
        return size != null && parts == Long.parseLong(text(size)) + (extra == null ? 0 : Long.parseLong(text(extra)));
    }

    /** The joined header: the results in group order, or the ChordError the body fails with. */
    public sealed interface Join {
    }

    public record Results(List<Object> values) implements Join {
    }

    public record Failed(PythonException error) implements Join {
    }

    /** Reads the members of {@code .j} (in score order) as {@code _unpack_chord_result} does. */
    public static Join join(List<byte[]> parts) {
        List<Object> values = new ArrayList<>();
        for (byte[] raw : parts) {
            List<?> part = (List<?>) CeleryJson.read(raw);
            String taskId = (String) part.get(1);
            String status = (String) part.get(2);
            Object value = part.get(3);
            if (TaskState.propagates(status)) {
                return new Failed(chordError(taskId, value));
            }
            values.add(value);
        }
        return new Results(values);
    }

    private static PythonException chordError(String taskId, Object stored) {
        String repr = stored instanceof Map<?, ?> exc && exc.get("exc_type") instanceof String type
                ? new PythonException(type, String.valueOf(exc.get("exc_module")),
                        exc.get("exc_message") instanceof List<?> m ? List.copyOf(m) : List.of()).repr()
                : PythonRepr.of(stored);
        return new PythonException("ChordError", "celery.exceptions", List.of("Dependency " + taskId + " raised " + repr));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip();
    }
}
