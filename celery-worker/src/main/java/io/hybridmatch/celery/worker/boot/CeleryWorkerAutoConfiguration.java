package io.hybridmatch.celery.worker.boot;

import com.zaxxer.hikari.HikariDataSource;
import io.hybridmatch.celery.Compression;
import io.hybridmatch.celery.FollowUpMessages;
import io.hybridmatch.celery.RejectedMessageException;
import io.hybridmatch.celery.TaskMessageDecoder;
import io.hybridmatch.celery.TaskMessageEncoder;
import io.hybridmatch.celery.TaskRoutes;
import io.hybridmatch.celery.worker.CeleryTaskHandler;
import io.hybridmatch.celery.worker.CeleryTaskSet;
import io.hybridmatch.celery.worker.ConfirmedPublisher;
import io.hybridmatch.celery.worker.ControlCommands;
import io.hybridmatch.celery.worker.DeadLetters;
import io.hybridmatch.celery.worker.DelayQueues;
import io.hybridmatch.celery.worker.DjangoDbResultBackend;
import io.hybridmatch.celery.worker.FollowUpQueues;
import io.hybridmatch.celery.worker.InspectCommands;
import io.hybridmatch.celery.worker.Mingle;
import io.hybridmatch.celery.worker.MingleHello;
import io.hybridmatch.celery.worker.PrefetchedTasks;
import io.hybridmatch.celery.worker.RateLimits;
import io.hybridmatch.celery.worker.RedisResultBackend;
import io.hybridmatch.celery.worker.RemoteControlListener;
import io.hybridmatch.celery.worker.ResultBackend;
import io.hybridmatch.celery.worker.RevokedTasks;
import io.hybridmatch.celery.worker.RpcResultBackend;
import io.hybridmatch.celery.worker.TaskAdmission;
import io.hybridmatch.celery.worker.TaskConsumer;
import io.hybridmatch.celery.worker.TaskConsumers;
import io.hybridmatch.celery.worker.TaskExecution;
import io.hybridmatch.celery.worker.TaskMetrics;
import io.hybridmatch.celery.worker.TaskRegistry;
import io.hybridmatch.celery.worker.TaskThreads;
import io.hybridmatch.celery.worker.WorkerEvents;
import io.hybridmatch.celery.worker.WorkerState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.ConnectionFactoryCustomizer;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Wires the Celery worker for any application that declares {@link CeleryTaskHandler} or {@link CeleryTaskSet}
 * beans: broker topology as Celery declares it, the consumers, the result backend, remote control.
 */
@AutoConfiguration(after = RabbitAutoConfiguration.class)
@EnableConfigurationProperties(WorkerProperties.class)
public class CeleryWorkerAutoConfiguration {

    /** Header strings longer than Spring AMQP's default 1 KiB limit would arrive as streams; argsrepr can be longer. */
    private static final int LONG_STRING_LIMIT = 1 << 20;

    @Bean
    WorkerState workerState(WorkerProperties properties) {
        return new WorkerState(properties.nodeName());
    }

    /** Acks late only hold if what a task publishes is confirmed first: refuse to start without confirms. */
    @Bean
    ConfirmedPublisher confirmedPublisher(RabbitTemplate template, ConnectionFactory connectionFactory) {
        if (!connectionFactory.isSimplePublisherConfirms()) {
            throw new IllegalStateException("the Celery worker needs spring.rabbitmq.publisher-confirm-type=simple");
        }
        return new ConfirmedPublisher(template);
    }

    @Bean(destroyMethod = "close")
    ResultBackend resultBackend(WorkerProperties properties, ConfirmedPublisher publisher) {
        if (properties.redisBackend()) {
            return new RedisResultBackend(properties.resultBackend(), properties.resultExpires(),
                    properties.resultExtended());
        }
        if (properties.resultBackend().equals(WorkerProperties.DJANGO_DB)) {
            return djangoDb(properties.djangoDb());
        }
        return new RpcResultBackend(publisher);
    }

    private static ResultBackend djangoDb(WorkerProperties.DjangoDb db) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(db.url());
        pool.setUsername(db.username());
        pool.setPassword(db.password());
        pool.setPoolName("django-db-results");
        return new DjangoDbResultBackend(pool, Clock.systemUTC());
    }

    @Bean
    DelayQueues delayQueues(WorkerProperties properties, ConfirmedPublisher publisher) {
        return new DelayQueues(publisher, properties.queues());
    }

    @Bean
    RevokedTasks revokedTasks() {
        return new RevokedTasks();
    }

    @Bean
    RateLimits rateLimits() {
        return new RateLimits();
    }

    @Bean(destroyMethod = "close")
    TaskThreads taskThreads() {
        return new TaskThreads();
    }

    /** Always defined, {@code hybridmatch.worker.mingle} read when it starts: Spring AOT fixes conditions at build. */
    @Bean
    Mingle mingle(RabbitTemplate template, AmqpAdmin admin, WorkerState state, RevokedTasks revoked,
                  WorkerProperties properties, ObjectProvider<MingleHello> sentBefore) {
        return new Mingle(properties.mingle(), template, admin, state, revoked, sentBefore.getIfAvailable());
    }

    @Bean
    WorkerEvents workerEvents(WorkerProperties properties, ConfirmedPublisher publisher, WorkerState state) {
        return new WorkerEvents(properties.sendEvents(), publisher, state, properties.heartbeat());
    }

    /**
     * Exchanges and queues declared exactly as Celery/kombu declare them (a different flag or argument would make
     * the other side's declaration fail; the producer's queue arguments are configured), plus the worker's own
     * dead-letter and delay queues, per task queue.
     */
    @Bean
    Declarables celeryTopology(WorkerProperties properties, DelayQueues delays, WorkerState state) {
        List<Declarable> all = new ArrayList<>();
        for (String queue : properties.queues()) {
            DirectExchange taskExchange = new DirectExchange(queue, true, false);
            Queue taskQueue = new Queue(queue, true, false, false, properties.declaredQueueArguments());
            all.add(taskExchange);
            all.add(taskQueue);
            all.add(BindingBuilder.bind(taskQueue).to(taskExchange).with(queue));
            all.add(new Queue(DeadLetters.queueFor(queue), true, false, false));
        }
        all.addAll(delays.declarables());
        all.add(new TopicExchange("celeryev", true, false));
        FanoutExchange pidbox = new FanoutExchange("celery.pidbox", false, false);
        Queue controlQueue = new Queue(RemoteControlListener.queueName(state.hostname()), false, false, true,
                Map.of("x-message-ttl", 300_000, "x-expires", 10_000));
        all.add(pidbox);
        all.add(controlQueue);
        all.add(new Binding(controlQueue.getName(), Binding.DestinationType.QUEUE, pidbox.getName(), "", Map.of()));
        return new Declarables(all);
    }

    /** {@code hybridmatch_celery_queue_messages{queue}}: messages waiting in the task queue (and its dead letters). */
    @Bean
    MeterBinder queueDepth(AmqpAdmin admin, WorkerProperties properties) {
        return registry -> properties.queues().stream()
                .flatMap(queue -> Stream.of(queue, DeadLetters.queueFor(queue))).forEach(queue ->
                Gauge.builder("hybridmatch.celery.queue.messages", () -> {
                    var info = admin.getQueueInfo(queue);
                    return info == null ? 0 : info.getMessageCount();
                }).tag("queue", queue).register(registry));
    }

    /** Every task this worker runs: single handler beans and task sets. */
    @Bean
    TaskRegistry taskRegistry(ObjectProvider<CeleryTaskHandler> handlers, ObjectProvider<CeleryTaskSet> sets) {
        List<CeleryTaskHandler> all = new ArrayList<>(handlers.orderedStream().toList());
        sets.orderedStream().forEach(set -> all.addAll(set.tasks()));
        return new TaskRegistry(all);
    }

    @Bean
    TaskConsumer taskConsumer(TaskRegistry tasks, WorkerProperties properties, ResultBackend results,
                              ConfirmedPublisher publisher, DelayQueues delays, RevokedTasks revoked,
                              WorkerEvents events, WorkerState state, TaskThreads threads,
                              RateLimits rateLimits, ObjectProvider<MeterRegistry> registries, AmqpAdmin admin,
                              PrefetchedTasks prefetched) {
        TaskMetrics metrics = new TaskMetrics(registries.getIfAvailable(SimpleMeterRegistry::new));
        Clock clock = Clock.systemUTC();
        TaskAdmission admission = new TaskAdmission(new TaskMessageDecoder(properties.maxBodyBytes()), tasks.byName(),
                revoked::isRevoked, clock);
        TaskMessageEncoder encoder = new TaskMessageEncoder(clock, state.hostname(),
                properties.resultCompression() == null ? null : compression(properties.resultCompression()));
        TaskRoutes routes = new TaskRoutes(properties.taskRoutes(), tasks.byName().keySet(),
                properties.queues().getFirst(), properties.defaultQueue());
        FollowUpQueues queues = new FollowUpQueues(admin, Set.copyOf(properties.queues()));
        TaskExecution execution = new TaskExecution(new TaskExecution.Services(results, publisher, queues, events,
                state, metrics, threads, rateLimits, revoked),
                encoder, new FollowUpMessages(clock, routes), new TaskExecution.Defaults(properties.maxRetries(),
                properties.defaultRetryDelay(), properties.trackStarted()), clock);
        return new TaskConsumer(admission, execution, new DeadLetters(publisher), delays, metrics, state, prefetched);
    }

    /** Task messages delivered and not taken yet (inspect reserved), seen by the client as it reads them. */
    @Bean
    PrefetchedTasks prefetchedTasks(WorkerProperties properties, WorkerState state) {
        return new PrefetchedTasks(new TaskMessageDecoder(properties.maxBodyBytes()),
                new DefaultMessagePropertiesConverter(LONG_STRING_LIMIT), state.pid());
    }

    @Bean
    ConnectionFactoryCustomizer prefetchedTasksListener(PrefetchedTasks prefetched) {
        return factory -> factory.setTrafficListener(prefetched);
    }

    /** Static: a post-processor, made before the connection factory it configures. */
    @Bean
    static ConsumerDispatchThreads consumerDispatchThreads() {
        return new ConsumerDispatchThreads();
    }

    @Bean
    AbstractMessageListenerContainer taskContainer(ConnectionFactory connectionFactory, WorkerProperties properties,
                                                   TaskConsumer consumer) {
        return newTaskContainer(connectionFactory, properties, consumer);
    }

    /**
     * A container of task consumers without its queue and concurrency (set by TaskConsumers): a direct one (its
     * listener on the client's threads, {@link ConsumerDispatchThreads}), or a simple one when autoscaling
     * (TaskConsumers) or asked for.
     */
    private static AbstractMessageListenerContainer newTaskContainer(ConnectionFactory connectionFactory,
                                                                     WorkerProperties properties,
                                                                     TaskConsumer consumer) {
        QuietShutdownRejections.install();
        AbstractMessageListenerContainer container = properties.autoscale() == null && properties.directListener()
                ? new DirectMessageListenerContainer(connectionFactory)
                : new SimpleMessageListenerContainer(connectionFactory);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(properties.declaredQueueArguments().containsKey(TaskConsumers.PRIORITY) ? 1
                : properties.prefetch());
        container.setShutdownTimeout(properties.shutdownTimeout().toMillis());
        container.setMessagePropertiesConverter(new DefaultMessagePropertiesConverter(LONG_STRING_LIMIT));
        container.setMissingQueuesFatal(false);
        container.setMessageListener(consumer);
        return container;
    }

    /** The task container's queues and concurrency, as remote control changes them. */
    @Bean(destroyMethod = "close")
    TaskConsumers taskConsumers(AbstractMessageListenerContainer taskContainer, ConnectionFactory connectionFactory,
                                TaskConsumer consumer, AmqpAdmin admin, WorkerProperties properties) {
        return new TaskConsumers(taskContainer, () -> {
            AbstractMessageListenerContainer added = newTaskContainer(connectionFactory, properties, consumer);
            added.afterPropertiesSet();
            return added;
        }, consumer, properties.shutdownTimeout(), admin, properties.queues(), properties.concurrency(),
                TaskConsumers.autoscale(properties.autoscale()));
    }

    @Bean
    InspectCommands inspectCommands(WorkerState state, RevokedTasks revoked, TaskRegistry tasks, RateLimits rateLimits,
                                    TaskConsumers consumers, WorkerProperties properties, RabbitProperties rabbit,
                                    PrefetchedTasks prefetched) {
        String vhost = rabbit.determineVirtualHost() == null ? "/" : rabbit.determineVirtualHost();
        Map<String, Object> broker = new LinkedHashMap<>();
        broker.put("hostname", rabbit.determineHost());
        broker.put("userid", rabbit.determineUsername());
        broker.put("virtual_host", vhost);
        broker.put("port", rabbit.determinePort());
        broker.put("insist", false);
        broker.put("ssl", rabbit.getSsl().determineEnabled());
        broker.put("transport", "amqp");
        // kombu's Connection.info(): what this connection was asked for (the Java client's defaults otherwise)
        broker.put("connect_timeout", rabbit.getConnectionTimeout() == null ? 60
                : rabbit.getConnectionTimeout().toSeconds());
        broker.put("transport_options", Map.of());
        broker.put("login_method", "PLAIN");
        broker.put("uri_prefix", null);
        broker.put("heartbeat", rabbit.getRequestedHeartbeat() == null ? 60.0
                : rabbit.getRequestedHeartbeat().toMillis() / 1000.0);
        broker.put("failover_strategy",
                rabbit.getAddressShuffleMode() == AbstractConnectionFactory.AddressShuffleMode.NONE ? "round-robin"
                        : "shuffle");
        List<String> addresses = rabbit.determineAddresses();
        broker.put("alternates", addresses.subList(Math.min(1, addresses.size()), addresses.size()).stream()
                .map(address -> "amqp://" + rabbit.determineUsername() + "@" + address + "/" + vhost).toList());
        // Celery's conf: the settings that differ from its defaults, by Celery's names, the password masked
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("broker_url", "amqp://" + rabbit.determineUsername() + ":********@" + rabbit.determineHost() + ":"
                + rabbit.determinePort() + "/" + vhost);
        conf.put("result_backend", properties.resultBackend());
        conf.put("deprecated_settings", null);
        conf.put("task_default_queue", properties.queues().getFirst());
        conf.put("result_expires", properties.resultExpires().toSeconds());
        conf.put("worker_concurrency", properties.concurrency());
        conf.put("worker_prefetch_multiplier", properties.prefetch());
        conf.put("worker_send_task_events", properties.sendEvents());
        String software = WorkerEvents.SOFTWARE + ":" + WorkerEvents.VERSION + " java:" + Runtime.version();
        String platform = "system:" + System.getProperty("os.name") + " arch:" + System.getProperty("os.arch")
                + "\n            kernel version:" + System.getProperty("os.version") + " imp:Java";
        return new InspectCommands(state, prefetched, revoked, tasks.byName().keySet(), rateLimits, consumers,
                new InspectCommands.Settings(conf, broker, properties.prefetch(), software, platform,
                        properties.resultBackend()));
    }

    /** Remote shutdown closes the application as SIGTERM would: in-flight tasks finish first. */
    @Bean
    ControlCommands controlCommands(RevokedTasks revoked, TaskThreads threads, WorkerState state, WorkerEvents events,
                                    RateLimits rateLimits, TaskConsumers consumers, TaskRegistry tasks,
                                    ConfigurableApplicationContext context) {
        Runnable shutdown = () -> Thread.ofPlatform().name("celery-remote-shutdown").start(context::close);
        return new ControlCommands(new ControlCommands.Targets(revoked, threads, state, events, rateLimits, consumers,
                shutdown), tasks.byName().keySet());
    }

    @Bean
    SimpleMessageListenerContainer remoteControlContainer(ConnectionFactory connectionFactory, WorkerState state,
                                                          ConfirmedPublisher publisher, InspectCommands inspect,
                                                          ControlCommands control) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(RemoteControlListener.queueName(state.hostname()));
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setMessagePropertiesConverter(new DefaultMessagePropertiesConverter(LONG_STRING_LIMIT));
        container.setMissingQueuesFatal(false);
        container.setMessageListener(new RemoteControlListener(state, publisher, inspect, control));
        return container;
    }

    private static Compression compression(String name) {
        try {
            return Compression.named(name);
        } catch (RejectedMessageException e) {
            throw new IllegalArgumentException("hybridmatch.worker.result-compression: " + e.getMessage(), e);
        }
    }
}
