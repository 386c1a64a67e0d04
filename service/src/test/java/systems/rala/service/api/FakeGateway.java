package systems.rala.service.api;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import systems.rala.runtime.wire.Acknowledgement;
import systems.rala.runtime.wire.Command;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.runtime.wire.GatewayEvent;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.runtime.wire.MessageIds;
import systems.rala.runtime.wire.PolicyAnnouncement;
import systems.rala.runtime.wire.Topics;
import systems.rala.runtime.wire.WireCodec;
import systems.rala.runtime.wire.WireFormatException;
import systems.rala.runtime.wire.WireMessage;

/**
 * A gateway played by a test over the real broker: connected with the gateway's registered client id and
 * secret, subscribed to its own command and policy topics, answering with the wire contract's messages on its
 * own uplink topics. Every message it receives is decoded and checked by the wire contract's codec.
 */
final class FakeGateway implements AutoCloseable {

    private final MqttClient client;
    private final String facility;
    private final String clientId;
    private final BlockingQueue<WireMessage> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> malformed = new LinkedBlockingQueue<>();

    private FakeGateway(MqttClient client, UUID facility, String clientId) {
        this.client = client;
        this.facility = facility.toString();
        this.clientId = clientId;
    }

    /** Connects as the gateway and subscribes (QoS 1) to its command and policy topics. */
    static FakeGateway connect(String brokerUrl, UUID facility, String clientId, String secret) throws MqttException {
        MqttClient client = new MqttClient(brokerUrl, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(clientId);
        options.setPassword(secret.toCharArray());
        options.setCleanSession(true);
        options.setConnectionTimeout(10);
        client.connect(options);
        FakeGateway g = new FakeGateway(client, facility, clientId);
        for (String topic : Topics.gatewaySubscriptions(facility.toString(), clientId)) {
            client.subscribe(topic, 1, (t, message) -> {
                try {
                    g.received.add(WireCodec.receive(t, message.getPayload()).message());
                } catch (WireFormatException e) {
                    g.malformed.add(t + ": " + e.getMessage());
                }
            });
        }
        return g;
    }

    /** The next message of {@code type}, skipping others; fails after {@code timeout}. */
    <T extends WireMessage> T next(Class<T> type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            WireMessage m = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("gateway " + clientId + " got no " + type.getSimpleName() + " within "
                        + timeout + (malformed.isEmpty() ? "" : "; malformed: " + malformed));
            }
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
    }

    Command nextCommand() throws InterruptedException {
        return next(Command.class, Duration.ofSeconds(20));
    }

    PolicyAnnouncement nextAnnouncement() throws InterruptedException {
        return next(PolicyAnnouncement.class, Duration.ofSeconds(20));
    }

    /** Whatever arrived and was not taken yet. */
    int pending() {
        return received.size();
    }

    /** Acknowledges a command on the gateway's ack topic. */
    void ack(String commandId, Acknowledgement.State state, String reason) throws MqttException {
        send(new Acknowledgement(MessageIds.newId(), clientId, Instant.now(), commandId, state, reason));
    }

    /**
     * Reports its state with the policy version it has loaded. Not retained, unlike a real gateway's, so that the
     * machine's shared broker keeps nothing of the tests.
     */
    void state(ControlMode mode, String policyVersion) throws MqttException {
        GatewayState s =
                new GatewayState(MessageIds.newId(), clientId, Instant.now(), true, mode, policyVersion, Instant.now());
        send(s);
    }

    /** Reports an event. */
    void event(GatewayEvent.Severity severity, String code, String text) throws MqttException {
        Instant now = Instant.now();
        send(new GatewayEvent(MessageIds.newId(), clientId, now, now, severity, code, text, null));
    }

    /** Publishes any uplink on the topic of its kind. */
    void send(WireMessage m) throws MqttException {
        client.publish(Topics.topic(m.kind(), facility, clientId), WireCodec.encode(m), 1, false);
    }

    String clientId() {
        return clientId;
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect(2000);
            }
        } finally {
            client.close();
        }
    }
}
