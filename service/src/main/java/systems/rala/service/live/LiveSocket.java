package systems.rala.service.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import systems.rala.service.web.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live view of a facility, {@code /api/v1/facilities/{id}/live}: a WebSocket on which the service sends
 * the facility's {@link LiveEvents} as JSON text frames {@code {"type", "at", "payload"}}, first a {@code
 * hello}. The handshake ({@link LiveHandshake}) has checked the origin, the access token and the membership.
 *
 * <p>A session ends when its access token expires (close code {@link #TOKEN_EXPIRED}), when the account is no
 * longer a member ({@link #NO_LONGER_MEMBER}, checked every {@code rala.live.membership-recheck}), when the
 * account holds too many ({@link #TOO_MANY_SESSIONS}), when the client is too slow ({@link Outbound#TOO_SLOW})
 * and when the service stops (1001). Clients have nothing to say: what they send is ignored, and a text
 * message over {@link #MAX_INCOMING_BYTES} ends the session.
 */
@Component
public class LiveSocket extends TextWebSocketHandler implements SubProtocolCapable, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveSocket.class);

    /** Where the live view is served; {@code *} is the facility id. */
    public static final String PATH = "/api/v1/facilities/*/live";

    /** The subprotocol a browser names, followed by its access token, and that the service answers with. */
    public static final String PROTOCOL = "bearer";

    static final CloseStatus TOKEN_EXPIRED =
            new CloseStatus(4401, "access token expired: connect again with a fresh one");
    static final CloseStatus NO_LONGER_MEMBER = new CloseStatus(4403, "no longer a member of this facility");
    static final CloseStatus TOO_MANY_SESSIONS = new CloseStatus(4429, "too many live sessions for this account");

    static final int MAX_INCOMING_BYTES = 4096;

    /** Tomcat's own limit on a blocking send, ms, set to the send-time limit so a stuck send ends too. */
    private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    static final String USER = "rala.user";
    static final String FACILITY = "rala.facility";
    static final String EXPIRES = "rala.expires";
    static final String ROLE = "rala.role";

    /** One frame: what happened ({@code type}), when it was sent ({@code at}) and what it carries. */
    record Frame(String type, Instant at, Object payload) {}

    /** What the {@code hello} frame carries. */
    record Hello(UUID facilityId, UUID userId, Role role, Instant expiresAt) {}

    private final LiveEvents events;
    private final JsonMapper json;
    private final Clock clock;
    private final LiveProperties props;
    private final FacilityAccess access;
    private final Map<String, Outbound> sessions = new ConcurrentHashMap<>();
    private final Object admission = new Object();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("rala-live-timer"));
    // at most one task per session at a time, so the queue is bounded by the sessions
    private final ThreadPoolExecutor senders =
            new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named("rala-live-send"));
    private ScheduledFuture<?> recheck;
    private Runnable unsubscribe;
    private volatile boolean running;

    LiveSocket(
            LiveEvents events,
            JsonMapper json,
            Clock clock,
            LiveProperties props,
            FacilityAccess access,
            MeterRegistry meters) {
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.props = props;
        this.access = access;
        senders.allowCoreThreadTimeOut(true);
        Gauge.builder("rala.live.sessions", sessions, Map::size)
                .description("Open live WebSocket sessions on this instance")
                .register(meters);
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of(PROTOCOL);
    }

    /** Open sessions of one account on this instance. */
    int sessionsOf(UUID user) {
        return (int) sessions.values().stream().filter(o -> o.user.equals(user)).count();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Map<String, Object> a = session.getAttributes();
        UUID user = (UUID) a.get(USER);
        UUID facility = (UUID) a.get(FACILITY);
        Instant expires = (Instant) a.get(EXPIRES);
        session.setTextMessageSizeLimit(MAX_INCOMING_BYTES);
        if (session instanceof NativeWebSocketSession nativeSession) {
            jakarta.websocket.Session tomcat = nativeSession.getNativeSession(jakarta.websocket.Session.class);
            if (tomcat != null) {
                tomcat.getUserProperties()
                        .put(TOMCAT_SEND_TIMEOUT, props.sendTimeLimit().toMillis());
            }
        }
        Outbound out = new Outbound(
                session,
                user,
                facility,
                expires,
                props.sendTimeLimit().toMillis(),
                props.bufferSizeLimit(),
                senders,
                timer);
        // first the hello, so that it comes before any event
        out.offer(frame("hello", new Hello(facility, user, (Role) a.get(ROLE), expires)));
        synchronized (admission) {
            // the handshake checked the cap too; two handshakes at once may both have passed it
            if (sessionsOf(user) >= props.maxSessionsPerUser()) {
                out.close(TOO_MANY_SESSIONS);
                return;
            }
            sessions.put(session.getId(), out);
        }
        long delay = Duration.between(clock.instant(), expires).toMillis();
        out.expiry(timer.schedule(() -> out.close(TOKEN_EXPIRED), Math.max(0, delay), TimeUnit.MILLISECONDS));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        // nothing to say to the service: ignored
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        Outbound out = sessions.remove(session.getId());
        if (out != null) {
            out.close(CloseStatus.SERVER_ERROR);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Outbound out = sessions.remove(session.getId());
        if (out != null) {
            out.close(status);
        }
    }

    private void onEvent(LiveEvents.Event event) {
        TextMessage frame = null;
        for (Outbound out : sessions.values()) {
            if (!out.facility.equals(event.facility())) {
                continue;
            }
            if (frame == null) {
                frame = frame(event.type(), event.payload());
                if (frame == null) {
                    return;
                }
            }
            out.offer(frame);
        }
    }

    private TextMessage frame(String type, Object payload) {
        try {
            return new TextMessage(json.writeValueAsString(new Frame(type, clock.instant(), payload)));
        } catch (JacksonException e) {
            log.warn("live event {} not sent: {}", type, e.getOriginalMessage());
            return null;
        }
    }

    /** Ends the sessions of accounts that are no longer members of their facility. */
    private void recheckMemberships() {
        for (Outbound out : sessions.values()) {
            try {
                access.require(out.facility, out.user, Role.VIEWER);
            } catch (ApiException.NotFound e) {
                sessions.remove(out.id());
                out.close(NO_LONGER_MEMBER);
            } catch (RuntimeException e) {
                log.warn("live: membership not rechecked ({})", e.toString());
                return;
            }
        }
    }

    // ---- lifecycle ----

    /** Subscribes to the events; runs after the web server has started (the default phase). */
    @Override
    public synchronized void start() {
        long every = props.membershipRecheck().toMillis();
        recheck = timer.scheduleWithFixedDelay(this::recheckMemberships, every, every, TimeUnit.MILLISECONDS);
        unsubscribe = events.subscribe(this::onEvent);
        running = true;
    }

    /** Says goodbye (1001) to every session before the web server stops. */
    @Override
    public synchronized void stop() {
        running = false;
        if (unsubscribe != null) {
            unsubscribe.run();
        }
        if (recheck != null) {
            recheck.cancel(false);
        }
        sessions.values().forEach(o -> o.close(CloseStatus.GOING_AWAY));
        sessions.clear();
    }

    @Override
    public void destroy() throws InterruptedException {
        timer.shutdown();
        senders.shutdown();
        if (!timer.awaitTermination(2, TimeUnit.SECONDS)) {
            timer.shutdownNow();
        }
        senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
