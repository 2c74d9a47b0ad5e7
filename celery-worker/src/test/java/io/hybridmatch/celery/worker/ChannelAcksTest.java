package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import com.rabbitmq.client.Channel;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** A message is acknowledged only once its outcome is durable; a run of them with one multiple ack. */
class ChannelAcksTest {

    private final Channel channel = channel();
    private final ChannelAcks acks = new ChannelAcks(channel);

    private static Channel channel() {
        Channel channel = mock(Channel.class);
        when(channel.isOpen()).thenReturn(true);
        return channel;
    }

    @Test
    void aRunOfStoredResultsIsAcknowledgedOnceWhenItCannotGrow() throws Exception {
        ChannelAcks.Delivery first = storing(1);
        ChannelAcks.Delivery second = storing(2);
        ChannelAcks.Delivery third = storing(3);
        ChannelAcks.Delivery running = acks.begin(4);

        acks.durable(first);
        acks.durable(second);
        acks.durable(third);

        InOrder order = inOrder(channel);
        order.verify(channel).basicAck(3, true);
        acks.durable(running);
        order.verify(channel).basicAck(4, true);
        verifyAcksOnly();
    }

    @Test
    void noMessageIsAcknowledgedBeforeAnEarlierOneIsDurable() throws Exception {
        ChannelAcks.Delivery first = storing(1);
        ChannelAcks.Delivery second = storing(2);

        acks.durable(second);
        verifyAcksOnly();

        acks.durable(first);
        inOrder(channel).verify(channel).basicAck(2, true);
        verifyAcksOnly();
    }

    @Test
    void aRequeuedMessageIsNeverNamedByTheMultipleAck() throws Exception {
        ChannelAcks.Delivery first = storing(1);
        ChannelAcks.Delivery failed = storing(2);
        ChannelAcks.Delivery last = storing(3);

        acks.durable(first);
        acks.requeue(failed);
        acks.durable(last);
        ChannelAcks.Delivery alone = storing(4);
        acks.requeue(alone);

        InOrder order = inOrder(channel);
        order.verify(channel).basicNack(2, false, true);
        order.verify(channel).basicAck(3, true);
        order.verify(channel).basicNack(4, false, true);
        verifyAcksOnly();
        assertThat(acks.storing()).isFalse();
    }

    @Test
    void aClosedChannelGetsNoAck() {
        when(channel.isOpen()).thenReturn(false);
        ChannelAcks.Delivery first = storing(1);

        acks.durable(first);

        verifyAcksOnly();
    }

    private ChannelAcks.Delivery storing(long tag) {
        ChannelAcks.Delivery delivery = acks.begin(tag);
        acks.storing(delivery);
        return delivery;
    }

    /** Nothing sent but what was verified (isOpen is a question, not a frame). */
    private void verifyAcksOnly() {
        verify(channel, atLeast(0)).isOpen();
        verifyNoMoreInteractions(channel);
    }
}
