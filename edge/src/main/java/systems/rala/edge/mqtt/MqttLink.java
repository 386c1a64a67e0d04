package systems.rala.edge.mqtt;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import systems.rala.edge.config.GatewayConfig;
import systems.rala.edge.queue.Outbox;
import systems.rala.runtime.wire.Command;
import systems.rala.runtime.wire.Delivery;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.runtime.wire.PolicyAnnouncement;
import systems.rala.runtime.wire.Topics;
import systems.rala.runtime.wire.UnsupportedSchemaVersionException;
import systems.rala.runtime.wire.WireCodec;
import systems.rala.runtime.wire.WireFormatException;

/**
 * The gateway's connection to the broker (Paho, MQTT 3.1.1), with its own credentials: user name = client id,
 * password = the secret the service issued; {@code ssl://} with the configured truststore.
 *
 * <ul>
 *   <li><b>Uplink.</b> Everything but the state goes through the {@link Outbox}: published with QoS 1, at most
 *       {@code maxInflight} at a time, and removed from the outbox only when the broker's PUBACK arrives. When the
 *       connection drops, the outbox is rewound, so after reconnecting everything not acknowledged is sent again,
 *       oldest first, with the same message ids.
 *   <li><b>State</b> is published retained and not queued: only the latest matters, and it is published again on
 *       every connect. The last will is the same state with {@code online: false}.
 *   <li><b>Downlink.</b> A persistent session ({@code cleanSession = false}), so the broker keeps QoS 1 commands
 *       while the gateway is away; commands and policy announcements are decoded against the wire contract and
 *       handed to the {@link Listener} on Paho's thread, and the PUBACK follows when it returns.
 *   <li><b>Reconnecting</b> backs off from 1 s, doubling, to {@code reconnectMax}; each connection is a fresh
 *       client, so nothing in flight on a dead one is resent behind the outbox's back.
 * </ul>
 */
public final class MqttLink implements AutoCloseable {

    private static final Logger LOG = System.getLogger(MqttLink.class.getName());

    /** What the link hands the gateway. Called on Paho's thread: store what must survive, then return. */
    public interface Listener {
        /** A command for this gateway arrived (possibly again). */
        void onCommand(Command command);

        /** A policy announcement arrived (retained: also on every connect). */
        void onPolicy(PolicyAnnouncement announcement);

        /** A message on the gateway's topics broke the wire contract; {@code why} names the field. */
        void onRejected(String topic, String why);

        /** The link is connected and subscribed. */
        default void onConnected() {}
    }

    private final GatewayConfig.Mqtt config;
    private final String facility;
    private final Outbox outbox;
    private final Listener listener;
    private final Supplier<GatewayState> offlineState;
    private final SSLSocketFactory sockets;
    private final String stateTopic;
    private final Object lock = new Object();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();

    private volatile boolean running;
    private volatile MqttAsyncClient client;
    private volatile boolean broken;
    private volatile GatewayState latestState;
    private Thread thread;

    /**
     * @param config the broker connection
     * @param facility the gateway's facility (topic level)
     * @param outbox what to publish
     * @param listener where commands and announcements go
     * @param offlineState the gateway's state now, with {@code online = false}: the last will of each connection
     */
    public MqttLink(
            GatewayConfig.Mqtt config,
            String facility,
            Outbox outbox,
            Listener listener,
            Supplier<GatewayState> offlineState) {
        this.config = config;
        this.facility = facility;
        this.outbox = outbox;
        this.listener = listener;
        this.offlineState = offlineState;
        this.sockets = config.url().startsWith("ssl://") ? TlsSockets.factory(config) : null;
        this.stateTopic = Topics.state(facility, config.clientId());
    }

    /** Starts connecting and publishing on the link's own thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the link is already started");
        }
        running = true;
        thread = new Thread(this::run, "mqtt-link");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether it is connected now. */
    public boolean connected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected() && !broken;
    }

    /** Waits until connected; whether it is. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!connected() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return connected();
    }

    /** Connections made so far. */
    public long connects() {
        return connects.get();
    }

    /** Outbox messages published so far (resends included). */
    public long published() {
        return published.get();
    }

    /** Outbox messages the broker acknowledged so far. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Publishes {@code state} retained now if connected; it is published again on every connect. */
    public void publishState(GatewayState state) {
        latestState = state;
        MqttAsyncClient c = client;
        if (c != null && c.isConnected()) {
            try {
                c.publish(stateTopic, WireCodec.encode(state), 1, true);
            } catch (MqttException e) {
                LOG.log(Level.DEBUG, "state not published now (" + e.getMessage() + "); again on the next connect");
            }
        }
    }

    private void run() {
        long backoff = 1000;
        while (running) {
            MqttAsyncClient c;
            try {
                c = connect();
            } catch (MqttException | RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "broker " + config.url() + " not reachable (" + describe(e) + "); again in " + backoff / 1000
                                + " s");
                sleep(backoff);
                backoff = Math.min(backoff * 2, config.reconnectMax().toMillis());
                continue;
            }
            backoff = 1000;
            send(c);
            drop(c);
        }
    }

    private MqttAsyncClient connect() throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(config.url(), config.clientId(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(config.clientId());
        o.setPassword(config.secret());
        o.setCleanSession(false);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval((int) config.keepAlive().toSeconds());
        o.setConnectionTimeout(10);
        o.setMaxInflight(Math.max(config.maxInflight(), 10));
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setWill(stateTopic, WireCodec.encode(offlineState.get()), 1, true);
        if (sockets != null) {
            o.setSocketFactory(sockets);
        }
        broken = false;
        c.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {}

            @Override
            public void connectionLost(Throwable cause) {
                LOG.log(Level.WARNING, "connection to " + config.url() + " lost: " + describe(cause));
                broken = true;
                synchronized (lock) {
                    lock.notifyAll();
                }
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                deliver(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
        try {
            c.connect(o).waitForCompletion(15_000);
            List<String> topics = Topics.gatewaySubscriptions(facility, config.clientId());
            int[] qos = new int[topics.size()];
            java.util.Arrays.fill(qos, 1);
            c.subscribe(topics.toArray(String[]::new), qos).waitForCompletion(15_000);
        } catch (MqttException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
        client = c;
        connects.incrementAndGet();
        outbox.rewind(); // everything not acknowledged goes again, oldest first
        GatewayState s = latestState;
        if (s != null) {
            publishState(s);
        }
        LOG.log(Level.INFO, "connected to " + config.url() + " as " + config.clientId());
        listener.onConnected();
        return c;
    }

    private void deliver(String topic, byte[] payload) {
        if (payload.length == 0) {
            return; // a retained message being cleared
        }
        Delivery d;
        try {
            d = WireCodec.receive(topic, payload);
        } catch (UnsupportedSchemaVersionException e) {
            listener.onRejected(topic, e.getMessage() + "; this gateway needs an upgrade");
            return;
        } catch (WireFormatException e) {
            listener.onRejected(topic, e.getMessage());
            return;
        }
        if (d.message() instanceof Command c) {
            listener.onCommand(c);
        } else if (d.message() instanceof PolicyAnnouncement a) {
            listener.onPolicy(a);
        } else {
            listener.onRejected(topic, "a " + d.message().kind().wireName() + " message on a gateway's topic");
        }
    }

    /** Publishes from the outbox until the connection breaks or the link stops. */
    private void send(MqttAsyncClient c) {
        AtomicInteger inflight = new AtomicInteger();
        int max = config.maxInflight();
        IMqttActionListener done = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                outbox.ack((Outbox.Item) token.getUserContext());
                acknowledged.incrementAndGet();
                inflight.decrementAndGet();
                synchronized (lock) {
                    lock.notifyAll();
                }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                inflight.decrementAndGet();
                broken = true; // a QoS 1 publish fails only with its connection: reconnect, rewind, resend
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        };
        try {
            while (running && !broken && c.isConnected()) {
                int room = max - inflight.get();
                List<Outbox.Item> items = room > 0 ? outbox.next(room) : List.of();
                for (Outbox.Item item : items) {
                    inflight.incrementAndGet();
                    c.publish(item.topic(), item.payload(), 1, false, item, done);
                    published.incrementAndGet();
                }
                if (items.isEmpty()) {
                    if (room > 0) {
                        outbox.await(100);
                    } else {
                        synchronized (lock) {
                            lock.wait(100);
                        }
                    }
                }
            }
        } catch (MqttException e) {
            LOG.log(Level.WARNING, "publishing to " + config.url() + " failed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void drop(MqttAsyncClient c) {
        client = null;
        closeQuietly(c);
    }

    private static void closeQuietly(MqttAsyncClient c) {
        try {
            if (c.isConnected()) {
                c.disconnectForcibly(100, 1000, false);
            }
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "disconnect: " + e.getMessage());
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "close: " + e.getMessage());
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof MqttException m) {
            return m.getMessage() + " (reason " + m.getReasonCode() + ")"
                    + (m.getCause() != null ? ": " + m.getCause().getMessage() : "");
        }
        return String.valueOf(e);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * Publishes {@code finalState} (the gateway going offline) retained, waits up to {@code drain} for the outbox to
     * empty, and disconnects. What is left in the outbox is sent after the next start.
     */
    public void close(GatewayState finalState, Duration drain) {
        long deadline = System.nanoTime() + drain.toNanos();
        while (connected() && outbox.pending() > 0 && System.nanoTime() < deadline) {
            sleep(20);
        }
        MqttAsyncClient c = client;
        if (c != null && c.isConnected() && finalState != null) {
            try {
                c.publish(stateTopic, WireCodec.encode(finalState), 1, true).waitForCompletion(2000);
            } catch (MqttException e) {
                LOG.log(Level.DEBUG, "final state not published: " + e.getMessage());
            }
        }
        close();
    }

    @Override
    public void close() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        synchronized (lock) {
            lock.notifyAll();
        }
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        MqttAsyncClient c = client;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect(1000).waitForCompletion(2000);
                }
            } catch (MqttException e) {
                LOG.log(Level.DEBUG, "disconnect: " + e.getMessage());
            }
            closeQuietly(c);
        }
    }
}
