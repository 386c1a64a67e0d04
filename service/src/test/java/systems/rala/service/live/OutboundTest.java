package systems.rala.service.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/** A live session's way out against a client that takes frames at once, and one that stalls. */
class OutboundTest {

    private final ExecutorService senders = Executors.newFixedThreadPool(2);
    private final ExecutorService closer = Executors.newSingleThreadExecutor();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final CountDownLatch stall = new CountDownLatch(1);

    @AfterEach
    void release() {
        stall.countDown();
        senders.shutdownNow();
        closer.shutdownNow();
    }

    private WebSocketSession client(boolean stalls) throws Exception {
        WebSocketSession s = mock(WebSocketSession.class);
        when(s.getId()).thenReturn("s1");
        when(s.isOpen()).thenReturn(true);
        doAnswer(call -> {
                    if (stalls) {
                        stall.await(10, TimeUnit.SECONDS);
                    }
                    sent.add(((WebSocketMessage<?>) call.getArgument(0))
                            .getPayload()
                            .toString());
                    return null;
                })
                .when(s)
                .sendMessage(any());
        return s;
    }

    private Outbound outbound(WebSocketSession s, long sendTimeLimitMs, int bufferLimit) {
        return new Outbound(
                s, UUID.randomUUID(), UUID.randomUUID(), Instant.now(), sendTimeLimitMs, bufferLimit, senders, closer);
    }

    @Test
    void framesGoOutInTheOrderTheyCame() throws Exception {
        WebSocketSession s = client(false);
        Outbound out = outbound(s, 1000, 1 << 20);
        for (int i = 0; i < 500; i++) {
            out.offer(new TextMessage("frame " + i));
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sent.size() < 500 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(sent).hasSize(500);
        for (int i = 0; i < 500; i++) {
            assertThat(sent.get(i)).isEqualTo("frame " + i);
        }
        verify(s, never()).close(any());
    }

    @Test
    void aClientStuckOnOneFrameLongerThanTheSendTimeLimitIsDroppedWithoutHoldingThePublisher() throws Exception {
        WebSocketSession s = client(true);
        Outbound out = outbound(s, 200, 1 << 20);
        out.offer(new TextMessage("first"));
        Thread.sleep(400);
        long start = System.nanoTime();
        out.offer(new TextMessage("second"));
        assertThat((System.nanoTime() - start) / 1_000_000)
                .as("ms the publisher waited")
                .isLessThan(100);
        verify(s, timeout(5000)).close(argThat(c -> c.getCode() == CloseStatus.SESSION_NOT_RELIABLE.getCode()));
        assertThat(out.closing()).isTrue();
        stall.countDown();
        Thread.sleep(200);
        assertThat(sent).containsExactly("first"); // the one in flight; the rest was dropped
    }

    @Test
    void aClientThatLetsTooManyBytesWaitIsDropped() throws Exception {
        WebSocketSession s = client(true);
        Outbound out = outbound(s, 10_000, 4096);
        String kilobyte = "x".repeat(1024);
        for (int i = 0; i < 10; i++) {
            out.offer(new TextMessage(kilobyte));
        }
        verify(s, timeout(5000)).close(argThat(c -> c.getCode() == CloseStatus.SESSION_NOT_RELIABLE.getCode()));
        assertThat(out.closing()).isTrue();
    }

    @Test
    void aSessionIsClosedOnceAndTakesNothingAfterwards() throws Exception {
        WebSocketSession s = client(false);
        Outbound out = outbound(s, 1000, 1 << 20);
        out.close(LiveSocket.TOKEN_EXPIRED);
        out.close(LiveSocket.NO_LONGER_MEMBER);
        out.offer(new TextMessage("late"));
        verify(s, timeout(5000)).close(LiveSocket.TOKEN_EXPIRED);
        Thread.sleep(100);
        verify(s, never()).close(LiveSocket.NO_LONGER_MEMBER);
        assertThat(sent).isEmpty();
    }
}
