package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code hybridmatch.worker.mingle=false} (Celery's {@code --without-mingle}) is read at start, not by a condition. */
class MingleTest {

    @Test
    void disabledItStartsWithoutAskingTheBroker() {
        Mingle mingle = new Mingle(false, null, null, new WorkerState("java@test"), new RevokedTasks()); // no broker
        mingle.start();
        assertThat(mingle.isRunning()).isTrue();
        mingle.stop();
        assertThat(mingle.isRunning()).isFalse();
    }
}
