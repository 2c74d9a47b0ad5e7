package io.hybridmatch.celery.worker.boot;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The threads the RabbitMQ client runs consumers on, given to the application's connection factory before it
 * connects. The direct listener container runs the tasks on them (the listener on the client's dispatch thread: no
 * hand-off to a consumer thread of the container's own). The client runs a channel's deliveries one at a time on a
 * thread of the connection's executor; left to itself it makes a fixed pool of 2 × cores threads per connection, so
 * with more consumers than that (the indexing worker runs 16) a task would wait for a thread while a consumer sat
 * idle. This executor is a cached pool instead: a thread for every channel that has deliveries, so as many as there
 * are consumers, whatever {@code pool_grow} or {@code add_consumer} makes of them, reused from one delivery to the
 * next. Destroyed after the containers and the connection factory (created before them): a task still running past
 * their shutdown timeout is interrupted.
 */
final class ConsumerDispatchThreads implements BeanPostProcessor, DisposableBean {

    private final ExecutorService threads = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("celery-consumer-", 1).factory());

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractConnectionFactory connectionFactory) {
            connectionFactory.setExecutor(threads);
        }
        return bean;
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
