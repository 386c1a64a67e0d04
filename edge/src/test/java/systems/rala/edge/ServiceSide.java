package systems.rala.edge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import systems.rala.runtime.wire.Delivery;
import systems.rala.runtime.wire.Topics;
import systems.rala.runtime.wire.WireCodec;
import systems.rala.runtime.wire.WireFormatException;
import systems.rala.runtime.wire.WireMessage;

/**
 * The service's side of the wire for tests: subscribes to every uplink with QoS 1, decodes each message against
 * the wire contract (a message that does not decode fails the test), and publishes commands and announcements.
 */
public final class ServiceSide implements AutoCloseable {

    public static final String USER = "service";
    public static final String PASSWORD = "service-test-password";

    public final List<WireMessage> received = new CopyOnWriteArrayList<>();
    public final List<String> errors = new CopyOnWriteArrayList<>();
    private final MqttAsyncClient client;

    public ServiceSide(String url) throws MqttException {
        client = new MqttAsyncClient(url, "service-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage m) {
                if (m.getPayload().length == 0) {
                    return;
                }
                try {
                    Delivery d = WireCodec.receive(topic, m.getPayload());
                    received.add(d.message());
                } catch (WireFormatException e) {
                    errors.add(topic + ": " + e.getMessage());
                }
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {}
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(USER);
        o.setPassword(PASSWORD.toCharArray());
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        client.connect(o).waitForCompletion(10_000);
        List<String> subs = Topics.serviceSubscriptions();
        int[] qos = new int[subs.size()];
        java.util.Arrays.fill(qos, 1);
        client.subscribe(subs.toArray(String[]::new), qos).waitForCompletion(10_000);
    }

    /** Publishes {@code m} on {@code topic} with QoS 1. */
    public void publish(String topic, WireMessage m, boolean retained) throws MqttException {
        client.publish(topic, WireCodec.encode(m), 1, retained).waitForCompletion(10_000);
    }

    /** The messages of {@code type} received so far. */
    public <T extends WireMessage> List<T> of(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (WireMessage m : received) {
            if (type.isInstance(m)) {
                out.add(type.cast(m));
            }
        }
        return out;
    }

    /** Waits until a message of {@code type} matching {@code p} has arrived; it, or an AssertionError. */
    public <T extends WireMessage> T await(Class<T> type, Predicate<T> p, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (T m : of(type)) {
                if (p.test(m)) {
                    return m;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError(
                "no " + type.getSimpleName() + " as expected within " + timeout + "; received " + of(type));
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5000);
        }
        client.close();
    }
}
