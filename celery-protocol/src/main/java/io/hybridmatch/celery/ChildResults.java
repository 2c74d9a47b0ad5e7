package io.hybridmatch.celery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code children} entries of a stored result: Celery stores {@code AsyncResult.as_tuple()} of every message a
 * task sent ({@code ((id, parent), None)}) and {@code GroupResult.as_tuple()} of every group
 * ({@code ((group_id, parent), [member tuples])}), as JSON lists.
 */
public final class ChildResults {

    private ChildResults() {
    }

    /** One task: {@code [[id, null], null]}. */
    public static List<Object> task(String id) {
        return Arrays.asList(Arrays.asList(id, null), null);
    }

    /** A group: {@code [[group_id, null], [[[id, null], null], ...]]}. */
    public static List<Object> group(String groupId, List<String> memberIds) {
        List<Object> members = new ArrayList<>();
        memberIds.forEach(id -> members.add(task(id)));
        return Arrays.asList(Arrays.asList(groupId, null), members);
    }
}
