package io.hybridmatch.celery;

/** Celery's built-in task states (celery/states.py) that a worker stores. Tasks may store custom states too. */
public enum TaskState {
    STARTED, SUCCESS, FAILURE, RETRY, REVOKED;

    /** READY_STATES: the backend stamps date_done only for these. */
    public boolean isReady() {
        return this == SUCCESS || this == FAILURE || this == REVOKED;
    }

    static boolean isReady(String status) {
        return status.equals("SUCCESS") || status.equals("FAILURE") || status.equals("REVOKED");
    }

    /** PROPAGATE_STATES: a chord part in one of these fails the chord. */
    static boolean propagates(String status) {
        return status.equals("FAILURE") || status.equals("REVOKED");
    }
}
