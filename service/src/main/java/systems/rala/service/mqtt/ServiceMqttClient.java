package systems.rala.service.mqtt;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import systems.rala.runtime.wire.Topics;

/**
 * The service's one connection to the broker (embedded or external). It keeps trying to connect, from start-up
 * on, with a back-off of 1 s doubling to 30 s, so the service starts and serves with the broker down and
 * picks the traffic up when it returns. The session is persistent (clean session off, {@code
 * rala.mqtt.persistent-session}) so QoS 1 messages a gateway sent while the service was away are delivered
 * when it is back.
 *
 * <p>Acknowledgements are manual: a message is acknowledged to the broker only when its {@link
 * InboundHandler} says so (after storing it), so nothing is lost when storage fails. Without a handler for a
 * topic, a message is acknowledged at once.
 */
@Component
public class ServiceMqttClient implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ServiceMqttClient.class);

    /** Called with each message from a gateway, on the client's thread; must not block for long. */
    public interface InboundHandler {
        /** @param ack call once the message is safely kept (or deliberately dropped) */
        void onMessage(String topic, byte[] payload, Runnable ack);
    }

    /** Told each time the client has (re)connected and subscribed, on the client's thread: hand off at once. */
    public interface ConnectionListener {
        void connected();
    }

    private final String url;
    private final String username;
    private final char[] password;
    private final String clientId;
    private final boolean persistentSession;
    private final ObjectProvider<InboundHandler> handlers;
    private final ObjectProvider<ConnectionListener> connectionListeners;
    private final EmbeddedMqttBroker embedded;
    private final AtomicInteger attempts = new AtomicInteger();
    private ScheduledExecutorService retry;
    private MqttAsyncClient client;
    private volatile boolean running;

    ServiceMqttClient(
            MqttProperties props,
            ObjectProvider<EmbeddedMqttBroker> embedded,
            ObjectProvider<InboundHandler> handlers,
            ObjectProvider<ConnectionListener> connectionListeners) {
        EmbeddedMqttBroker broker = props.embedded() ? embedded.getObject() : null;
        this.url = broker != null ? null : props.url();
        this.username = broker != null ? BrokerAccess.SERVICE_USER : props.username();
        this.password = broker != null
                ? broker.serviceSecret().toCharArray()
                : props.password() == null ? null : props.password().toCharArray();
        this.clientId = props.clientId();
        this.persistentSession = props.persistentSession();
        this.handlers = handlers;
        this.connectionListeners = connectionListeners;
        this.embedded = broker;
    }

    /** The broker this client connects to. */
    public String url() {
        return embedded != null ? embedded.url() : url;
    }

    @Override
    public synchronized void start() {
        try {
            client = new MqttAsyncClient(url(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("MQTT client for " + url() + ": " + e.getMessage(), e);
        }
        client.setManualAcks(true);
        client.setCallback(new Callback());
        retry = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rala-mqtt-connect");
            t.setDaemon(true);
            return t;
        });
        running = true;
        connect();
    }

    private void connect() {
        if (!running) {
            return;
        }
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(!persistentSession);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(30_000);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        options.setMaxInflight(1000);
        if (username != null && !username.isBlank()) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password);
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    attempts.set(0);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    scheduleRetry(e);
                }
            });
        } catch (MqttException e) {
            scheduleRetry(e);
        }
    }

    private void scheduleRetry(Throwable e) {
        if (!running) {
            return;
        }
        int n = attempts.incrementAndGet();
        long delay = Math.min(30_000L, 1000L << Math.min(n - 1, 5));
        log.warn("MQTT broker {} not reachable ({}); retrying in {} ms", url(), e.getMessage(), delay);
        retry.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Whether the client is connected to the broker now. */
    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    /**
     * Publishes at QoS 1.
     *
     * @throws MqttException when the client is not connected or its in-flight window is full
     */
    public IMqttDeliveryToken publish(String topic, byte[] payload, boolean retained) throws MqttException {
        return client.publish(topic, payload, 1, retained);
    }

    /**
     * Publishes at QoS 1 and tells {@code listener} when the broker has confirmed it (or the attempt failed),
     * on the client's thread.
     *
     * @throws MqttException when the client is not connected or its in-flight window is full
     */
    public IMqttDeliveryToken publish(String topic, byte[] payload, boolean retained, IMqttActionListener listener)
            throws MqttException {
        MqttAsyncClient c = client;
        if (c == null) {
            throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
        }
        return c.publish(topic, payload, 1, retained, null, listener);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (retry != null) {
            retry.shutdownNow();
        }
        if (client != null) {
            try {
                if (client.isConnected()) {
                    client.disconnect(2000).waitForCompletion(3000);
                }
                client.close(true);
            } catch (MqttException e) {
                log.debug("MQTT client close: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return EmbeddedMqttBroker.PHASE + 1;
    }

    private final class Callback implements MqttCallbackExtended {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            log.info("MQTT {} to {}", reconnect ? "reconnected" : "connected", serverUri);
            List<String> filters = Topics.serviceSubscriptions();
            int[] qos = new int[filters.size()];
            java.util.Arrays.fill(qos, 1);
            try {
                client.subscribe(filters.toArray(String[]::new), qos);
            } catch (MqttException e) {
                log.warn("MQTT subscribe failed: {}", e.getMessage());
            }
            connectionListeners.orderedStream().forEach(ConnectionListener::connected);
        }

        @Override
        public void connectionLost(Throwable cause) {
            log.warn("MQTT connection to {} lost: {}", url(), cause == null ? "unknown" : cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            int id = message.getId();
            int qos = message.getQos();
            Runnable ack = () -> {
                try {
                    client.messageArrivedComplete(id, qos);
                } catch (MqttException e) {
                    log.debug("MQTT ack of {} failed: {}", id, e.getMessage());
                }
            };
            InboundHandler handler = handlers.getIfAvailable();
            if (handler == null) {
                ack.run();
            } else {
                handler.onMessage(topic, message.getPayload(), ack);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {}
    }
}
