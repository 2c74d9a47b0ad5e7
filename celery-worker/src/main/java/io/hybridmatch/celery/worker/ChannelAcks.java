package io.hybridmatch.celery.worker;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acknowledgements of one channel's task messages, whose outcomes may become durable out of order (a result
 * written in a batch while the consumer already runs the next task). A message is acknowledged only once its outcome
 * is durable, and one {@code basic.ack multiple=true} covers a run of consecutive deliveries whose
 * outcomes are all durable, sent when the run cannot grow at once (the next delivery is not about to be stored: it
 * is running, or there is none), so the broker handles one ack per batch of results rather than one per task.
 * A message whose outcome could not be made durable is requeued at once ({@code basic.nack requeue=true}).
 *
 * <p>Consumers hand out deliveries of a channel in order, so every tag at or below an acknowledged one was begun
 * here. Thread-safe: acks are sent under this object's lock, in tag order. A channel that closed meanwhile gets no
 * ack: the broker has requeued its messages, and a task whose result was stored runs again (at least once, as Celery
 * with acks late).
 */
final class ChannelAcks {

    private static final Logger log = LoggerFactory.getLogger(ChannelAcks.class);

    /** One delivery, from the start of its handling to its acknowledgement. */
    static final class Delivery {
        private final long tag;
        private boolean storing;
        private boolean settled;
        private boolean requeued;

        private Delivery(long tag) {
            this.tag = tag;
        }
    }

    private final Channel channel;
    private final Deque<Delivery> open = new ArrayDeque<>();

    ChannelAcks(Channel channel) {
        this.channel = channel;
    }

    /** A delivery whose handling starts (called in delivery order). */
    synchronized Delivery begin(long tag) {
        Delivery delivery = new Delivery(tag);
        open.addLast(delivery);
        return delivery;
    }

    /** Its task has run; its outcome is being made durable. */
    synchronized void storing(Delivery delivery) {
        delivery.storing = true;
    }

    /** Its outcome is durable: acknowledged now, or with the run it ends or belongs to. */
    synchronized void durable(Delivery delivery) {
        delivery.settled = true;
        ackRun();
    }

    /** Its outcome could not be made durable: back to the queue for another try; a run goes on past it. */
    synchronized void requeue(Delivery delivery) {
        send(delivery.tag, false, true);
        delivery.settled = true;
        delivery.requeued = true;
        ackRun();
    }

    /**
     * Acknowledges the leading settled deliveries with one multiple ack naming the last of them still unacknowledged
     * (the broker refuses a tag it no longer holds, such as a requeued one, and closes the channel), unless the
     * delivery after them is being stored: its outcome comes soon and joins the run.
     */
    private void ackRun() {
        int run = 0;
        Delivery next = null;
        for (Delivery d : open) {
            if (!d.settled) {
                next = d;
                break;
            }
            run++;
        }
        if (run == 0 || (next != null && next.storing)) {
            return;
        }
        Delivery last = null;
        for (int i = 0; i < run; i++) {
            Delivery d = open.removeFirst();
            if (!d.requeued) {
                last = d;
            }
        }
        if (last != null) {
            send(last.tag, true, false);
        }
    }

    /** True while an outcome is being made durable (its acknowledgement is still to come). */
    synchronized boolean storing() {
        return open.stream().anyMatch(d -> d.storing && !d.settled);
    }

    private void send(long tag, boolean ackMultiple, boolean requeue) {
        if (!channel.isOpen()) {
            return;
        }
        try {
            if (requeue) {
                channel.basicNack(tag, false, true);
            } else {
                channel.basicAck(tag, ackMultiple);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("delivery {} not {}: {}; the broker requeues it when the channel closes", tag,
                    requeue ? "requeued" : "acknowledged", e.toString());
        }
    }
}
