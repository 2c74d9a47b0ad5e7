package io.hybridmatch.celery.worker;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Task ids revoked by remote control, bounded like Celery's own (oldest forgotten first). */
public final class RevokedTasks {

    private static final int LIMIT = 50_000;

    private final Set<String> ids = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > LIMIT;
                }
            }));

    public void revoke(Collection<String> taskIds) {
        ids.addAll(taskIds);
    }

    public boolean isRevoked(String taskId) {
        return ids.contains(taskId);
    }
}
