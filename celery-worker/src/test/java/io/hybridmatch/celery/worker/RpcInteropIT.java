package io.hybridmatch.celery.worker;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The rpc:// result backend (replies on the client's queue). */
class RpcInteropIT extends InteropIT {
    static final String QUEUE = WorkerTestProperties.newQueue();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        WorkerTestProperties.register(registry, QUEUE, "rpc://");
    }

    @Override
    String backend() {
        return "rpc://";
    }

    @Override
    String queue() {
        return QUEUE;
    }
}
