package io.hybridmatch.worker;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The rpc:// result backend (replies on the client's queue). */
class RpcInteropTest extends InteropTest {
    static final String QUEUE = newQueue();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        workerProperties(registry, QUEUE, "rpc://");
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

