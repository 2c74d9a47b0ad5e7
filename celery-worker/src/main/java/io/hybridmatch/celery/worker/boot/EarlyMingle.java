package io.hybridmatch.celery.worker.boot;

import io.hybridmatch.celery.worker.Mingle;
import io.hybridmatch.celery.worker.MingleHello;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.RabbitConnectionFactoryBean;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionFactoryBeanConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Sends the worker's mingle {@code hello} as soon as the application's configuration is read, before its context is
 * built, so that Celery's second of waiting for other workers' replies overlaps the whole context creation: built
 * with the context, the {@link Mingle} bean came 1.6 s into a 2.5 s start and the consumers waited 0.9 s for its
 * second (bench/worker/startup, 2026-12-05). The {@code hello} goes through a connection of its own, made from
 * {@code spring.rabbitmq.*} by Spring Boot's own configurers and closed after the second; the Mingle bean merges the
 * replies if they came through the worker's broker, and syncs again otherwise (a connection-details bean pointing
 * elsewhere). An application adds it to its {@code SpringApplication}'s listeners; without it, mingle runs as the
 * context is built. Nothing is sent with {@code hybridmatch.worker.mingle=false} or an SSL bundle (bundles are beans:
 * that sync is left to the context).
 */
public final class EarlyMingle implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EarlyMingle.class);

    private MingleHello sent;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared
                && !Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) { // the build's AOT step runs main too
            sent = send(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent prepared && sent != null) {
            prepared.getApplicationContext().getBeanFactory().registerSingleton("mingleHelloSentBefore", sent);
        }
    }

    private static MingleHello send(ConfigurableEnvironment environment) {
        try {
            return sendFrom(Binder.get(environment));
        } catch (RuntimeException e) { // settings the context will refuse with its own message: no early hello
            log.debug("mingle: no hello before the context", e);
            return null;
        }
    }

    private static MingleHello sendFrom(Binder binder) {
        RabbitProperties rabbit = binder.bindOrCreate("spring.rabbitmq", RabbitProperties.class);
        if (!binder.bind("hybridmatch.worker.mingle", Boolean.class).orElse(true)
                || rabbit.getSsl().getBundle() != null) {
            return null;
        }
        String hostname = WorkerProperties.nodeName(binder.bind("hybridmatch.worker.hostname", String.class)
                .orElse(null));
        log.info("mingle: searching for neighbors");
        FutureTask<MingleHello.Replies> replies = new FutureTask<>(() -> {
            CachingConnectionFactory factory = connectionFactory(rabbit);
            try {
                return Mingle.hello(new RabbitTemplate(factory), new RabbitAdmin(factory), hostname);
            } finally {
                factory.destroy();
            }
        });
        Thread.ofPlatform().daemon().name("mingle").start(replies);
        return new MingleHello(hostname, replies);
    }

    /** As Spring Boot's RabbitAutoConfiguration makes the worker's, from the same properties. */
    private static CachingConnectionFactory connectionFactory(RabbitProperties rabbit) throws Exception {
        RabbitConnectionFactoryBean bean = new RabbitConnectionFactoryBean();
        new RabbitConnectionFactoryBeanConfigurer(new DefaultResourceLoader(), rabbit).configure(bean);
        bean.afterPropertiesSet();
        CachingConnectionFactory factory = new CachingConnectionFactory(bean.getObject());
        new CachingConnectionFactoryConfigurer(rabbit).configure(factory);
        return factory;
    }
}
