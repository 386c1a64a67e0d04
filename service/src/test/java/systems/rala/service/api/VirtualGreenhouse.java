package systems.rala.service.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import systems.rala.runtime.wire.Acknowledgement;
import systems.rala.runtime.wire.AuditRecord;
import systems.rala.runtime.wire.Command;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.runtime.wire.MessageIds;
import systems.rala.runtime.wire.Quality;
import systems.rala.runtime.wire.Reading;
import systems.rala.runtime.wire.TelemetryBatch;
import systems.rala.runtime.wire.Topics;
import systems.rala.runtime.wire.WireCodec;
import systems.rala.runtime.wire.WireFormatException;
import systems.rala.runtime.wire.WireMessage;

/**
 * A greenhouse played by a test: a gateway connected to the service's broker with its registered client id and
 * secret, publishing a smooth synthetic climate as telemetry every {@code period}, and answering every command it
 * receives as a gateway does, {@code received} and then {@code applied}, on its acknowledgement topic.
 *
 * <p>The climate, as functions of the time t [s]: air temperature 21 + 3 sin(2π t / 900) °C, relative humidity 72
 * − 8 sin(2π t / 900) % (warmer air holds more water, so RH falls as it warms), PAR 400 + 100 sin(2π t / 1800)
 * µmol m⁻² s⁻¹. A 15-minute period so that one second of test shows a change in the first decimal.
 */
final class VirtualGreenhouse implements AutoCloseable {

    /** Point names the gateway reports under, as the sensors are registered. */
    static final String TEMPERATURE = "air_temperature";

    static final String HUMIDITY = "air_rh";
    static final String PAR = "canopy_par";
    static final String CO2 = "air_co2";

    private final MqttClient client;
    private final String facility;
    private final String clientId;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "virtual-greenhouse");
        t.setDaemon(true);
        return t;
    });
    /** Every command received, in order. */
    final List<Command> commands = new CopyOnWriteArrayList<>();

    private VirtualGreenhouse(MqttClient client, UUID facility, String clientId) {
        this.client = client;
        this.facility = facility.toString();
        this.clientId = clientId;
    }

    static VirtualGreenhouse connect(String brokerUrl, UUID facility, String clientId, String secret)
            throws MqttException {
        MqttClient client = new MqttClient(brokerUrl, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(clientId);
        options.setPassword(secret.toCharArray());
        options.setCleanSession(true);
        options.setConnectionTimeout(10);
        options.setMaxInflight(100);
        client.connect(options);
        VirtualGreenhouse g = new VirtualGreenhouse(client, facility, clientId);
        for (String topic : Topics.gatewaySubscriptions(facility.toString(), clientId)) {
            client.subscribe(topic, 1, (t, message) -> g.received(t, message.getPayload()));
        }
        return g;
    }

    static double temperature(long timeMs) {
        return 21 + 3 * Math.sin(2 * Math.PI * (timeMs / 1000.0) / 900);
    }

    static double humidity(long timeMs) {
        return 72 - 8 * Math.sin(2 * Math.PI * (timeMs / 1000.0) / 900);
    }

    static double par(long timeMs) {
        return 400 + 100 * Math.sin(2 * Math.PI * (timeMs / 1000.0) / 1800);
    }

    private static List<Reading> climate(long t) {
        Instant at = Instant.ofEpochMilli(t);
        return List.of(
                new Reading(TEMPERATURE, temperature(t), "°C", at, Quality.GOOD),
                new Reading(HUMIDITY, humidity(t), "%", at, Quality.GOOD),
                new Reading(PAR, par(t), "umol/m2/s", at, Quality.GOOD));
    }

    /** The last {@code span} of climate at one reading a minute, as a gateway replays its buffer. */
    void backfill(Duration span) throws MqttException {
        long now = System.currentTimeMillis() / 60_000 * 60_000;
        List<Reading> readings = new ArrayList<>();
        for (long t = now - span.toMillis(); t < now; t += 60_000) {
            readings.addAll(climate(t));
        }
        send(new TelemetryBatch(MessageIds.newId(), clientId, Instant.now(), readings));
    }

    /** One CO2 reading taken {@code age} ago and none after it: a sensor gone silent. */
    void silentCo2(Duration age, double ppm) throws MqttException {
        Instant at = Instant.now().minus(age);
        send(new TelemetryBatch(
                MessageIds.newId(), clientId, Instant.now(), List.of(new Reading(CO2, ppm, "ppm", at, Quality.GOOD))));
    }

    /**
     * Reports its state, online, with the policy version it runs ({@code null} in the fall-back). Not retained,
     * unlike a real gateway's, so that the machine's shared broker keeps nothing of the tests.
     */
    void state(ControlMode mode, String policyVersion) throws MqttException {
        send(new GatewayState(MessageIds.newId(), clientId, Instant.now(), true, mode, policyVersion, Instant.now()));
    }

    /**
     * One control tick's audit record, {@code age} ago: the roof vent opening (0..1) the controller proposed and
     * the one written after the safety layer, with its interventions.
     */
    void decision(
            Duration age,
            ControlMode mode,
            String policyVersion,
            double proposed,
            double written,
            List<String> interventions)
            throws MqttException {
        Instant at = Instant.now().minus(age);
        send(new AuditRecord(
                MessageIds.newId(),
                clientId,
                Instant.now(),
                at,
                mode,
                policyVersion,
                java.util.Map.of(TEMPERATURE, temperature(at.toEpochMilli())),
                java.util.Map.of("roof_vent", proposed),
                java.util.Map.of("roof_vent", written),
                interventions,
                900));
    }

    /** Publishes the current climate every {@code period} from now on. */
    void run(Duration period) {
        ticker.scheduleAtFixedRate(
                () -> {
                    try {
                        send(new TelemetryBatch(
                                MessageIds.newId(), clientId, Instant.now(), climate(System.currentTimeMillis())));
                    } catch (MqttException e) {
                        // the next tick tries again, as a gateway's store-and-forward would
                    }
                },
                0,
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void received(String topic, byte[] payload) {
        WireMessage m;
        try {
            m = WireCodec.receive(topic, payload).message();
        } catch (WireFormatException e) {
            return;
        }
        if (m instanceof Command c) {
            commands.add(c);
            // answered off the client's callback thread: Paho cannot publish from inside its own callback
            ticker.execute(() -> {
                try {
                    ack(c.commandId(), Acknowledgement.State.RECEIVED);
                    Thread.sleep(300); // the field bus takes a moment
                    ack(c.commandId(), Acknowledgement.State.APPLIED);
                } catch (MqttException e) {
                    // the service times the command out
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    private void ack(String commandId, Acknowledgement.State state) throws MqttException {
        send(new Acknowledgement(MessageIds.newId(), clientId, Instant.now(), commandId, state, null));
    }

    private void send(WireMessage m) throws MqttException {
        client.publish(Topics.topic(m.kind(), facility, clientId), WireCodec.encode(m), 1, false);
    }

    @Override
    public void close() throws MqttException {
        ticker.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(2000);
            }
        } finally {
            client.close();
        }
    }
}
