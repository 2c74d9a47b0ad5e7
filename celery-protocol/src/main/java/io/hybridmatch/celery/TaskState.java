package io.hybridmatch.celery;

/** Celery's task states (celery/states.py) that a worker stores. */
public enum TaskState {
    STARTED, SUCCESS, FAILURE, RETRY, REVOKED;

    /** READY_STATES: the backend stamps date_done only for these. */
    public boolean isReady() {
        return this == SUCCESS || this == FAILURE || this == REVOKED;
    }
}
