package systems.rala.service.live;

import java.io.IOException;
import java.time.Instant;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * One live session's way out: frames are queued by whoever publishes (never blocking the publisher), and sent
 * in order by one sender thread at a time through a {@link ConcurrentWebSocketSessionDecorator}, which makes
 * sending and closing safe from several threads and times the send in progress.
 *
 * <p>A slow client is dropped (closed with {@link #TOO_SLOW}) when a frame has been sending for longer than
 * the send-time limit, or when the frames waiting for it exceed the buffer limit: the same two limits the
 * decorator is built with. The queue is ours rather than the decorator's because the decorator sends on the
 * thread that hands it a frame whenever no send is in progress, and a publisher (ingestion's writer) must
 * never wait for a client.
 */
final class Outbound {

    private static final Logger log = LoggerFactory.getLogger(Outbound.class);

    /** Closed for being too slow: {@link CloseStatus#SESSION_NOT_RELIABLE}, the decorator's own verdict. */
    static final CloseStatus TOO_SLOW =
            CloseStatus.SESSION_NOT_RELIABLE.withReason("too slow: frames were not taken in time");

    final UUID user;
    final UUID facility;
    final Instant expiresAt;
    private final ConcurrentWebSocketSessionDecorator session;
    private final long sendTimeLimitMs;
    private final int bufferSizeLimit;
    private final Executor senders;
    private final Executor closer;
    private final Queue<TextMessage> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile ScheduledFuture<?> expiry;

    /**
     * @param sendTimeLimitMs longest a frame may take to send, ms
     * @param bufferSizeLimit most bytes that may wait for the client
     * @param senders runs the sends; one task per session at a time
     * @param closer runs the closes, which may wait for a send in progress
     */
    Outbound(
            WebSocketSession session,
            UUID user,
            UUID facility,
            Instant expiresAt,
            long sendTimeLimitMs,
            int bufferSizeLimit,
            Executor senders,
            Executor closer) {
        this.session = new ConcurrentWebSocketSessionDecorator(
                session,
                (int) Math.min(Integer.MAX_VALUE, sendTimeLimitMs),
                bufferSizeLimit,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        this.user = user;
        this.facility = facility;
        this.expiresAt = expiresAt;
        this.sendTimeLimitMs = sendTimeLimitMs;
        this.bufferSizeLimit = bufferSizeLimit;
        this.senders = senders;
        this.closer = closer;
    }

    String id() {
        return session.getId();
    }

    void expiry(ScheduledFuture<?> task) {
        this.expiry = task;
    }

    /** Queues a frame; drops the session instead when it is too slow. Never blocks. */
    void offer(TextMessage frame) {
        if (closing.get()) {
            return;
        }
        int size = frame.getPayloadLength();
        if (session.getTimeSinceSendStarted() > sendTimeLimitMs
                || queuedBytes.get() + session.getBufferSize() + size > bufferSizeLimit) {
            log.info(
                    "live session {} dropped: sending for {} ms, {} bytes waiting",
                    id(),
                    session.getTimeSinceSendStarted(),
                    queuedBytes.get() + session.getBufferSize());
            close(TOO_SLOW);
            return;
        }
        queuedBytes.addAndGet(size);
        queue.add(frame);
        if (draining.compareAndSet(false, true)) {
            senders.execute(this::drain);
        }
    }

    /** Sends what is queued, in order; only one drain of a session runs at a time. */
    private void drain() {
        try {
            while (true) {
                TextMessage m;
                while ((m = queue.poll()) != null) {
                    queuedBytes.addAndGet(-m.getPayloadLength());
                    if (!closing.get()) {
                        session.sendMessage(m);
                    }
                }
                draining.set(false);
                // a frame queued after the last poll and before the flag fell would wait for the next offer
                if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
            }
        } catch (SessionLimitExceededException e) {
            close(TOO_SLOW);
        } catch (IOException | RuntimeException e) {
            log.debug("live session {}: send failed ({})", id(), e.toString());
            close(CloseStatus.SERVER_ERROR.withReason("send failed"));
        }
    }

    /** Closes the session once, off the caller's thread; queued frames are dropped. */
    void close(CloseStatus status) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> task = expiry;
        if (task != null) {
            task.cancel(false);
        }
        queue.clear();
        queuedBytes.set(0);
        closer.execute(() -> {
            try {
                session.close(status);
            } catch (IOException | RuntimeException e) {
                log.debug("live session {}: close failed ({})", id(), e.toString());
            }
        });
    }

    boolean closing() {
        return closing.get();
    }
}
