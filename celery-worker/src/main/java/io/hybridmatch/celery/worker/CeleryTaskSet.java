package io.hybridmatch.celery.worker;

import java.util.List;

/** Several task handlers registered as one Spring bean (a module's tasks), next to single handler beans. */
public interface CeleryTaskSet {

    List<CeleryTaskHandler> tasks();
}
