package systems.rala.service.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import systems.rala.runtime.observation.Units;
import systems.rala.runtime.wire.Delivery;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.runtime.wire.Quality;
import systems.rala.runtime.wire.Reading;
import systems.rala.runtime.wire.SeenMessageIds;
import systems.rala.runtime.wire.TelemetryBatch;
import systems.rala.runtime.wire.WireCodec;
import systems.rala.runtime.wire.WireFormatException;
import systems.rala.service.ingest.SensorDirectory.GatewayPoints;
import systems.rala.service.ingest.SensorDirectory.Target;
import systems.rala.service.live.LiveEvents;
import systems.rala.service.mqtt.ServiceMqttClient;
import systems.rala.service.timeseries.TimeSeriesStore;
import systems.rala.service.timeseries.TimeSeriesStore.Point;

/**
 * Takes gateways' messages from the broker, checks them, stores their readings and acknowledges each message
 * only once what it carried is durable.
 *
 * <p>The broker's client thread checks a message (the wire contract's decoder: schema version, types, sizes,
 * the topic's gateway; then the gateway is registered to the topic's facility; then each reading's point,
 * unit and physical range against its sensor) and queues the outcome. One writer thread drains the queue
 * into batches (whatever has arrived, up to about {@link #MAX_BATCH} readings), writes the readings to
 * the {@link TimeSeriesStore} and the refusals to the dead-letter table, and only then acknowledges the
 * batch's messages. When a store is down the writer retries the same batch with back-off and acknowledges
 * nothing; the queue fills, the client thread blocks, and the broker keeps the rest, redelivering what was
 * not acknowledged. Writes are idempotent per (sensor, source time), so redelivery stores each reading once.
 *
 * <p>The other uplinks of a registered gateway (state, events, audit records, command acknowledgements) go to
 * every {@link UplinkHandler} bean on the writer thread, in arrival order, after the readings that came before
 * them are stored and before they are acknowledged; a handler's failure retries the batch like a store's.
 */
@Component
public class Ingestion implements ServiceMqttClient.InboundHandler, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);

    static final int MAX_BATCH = 5000;
    static final int QUEUE_CAPACITY = 20_000;
    static final int MAX_PAYLOAD_KEPT = 8192;

    /**
     * A checked message: its readings, its refusal if any, the other uplinks (state, event, audit, ack) for the
     * {@link UplinkHandler}s with the gateway that sent them, and how to acknowledge it.
     */
    private record Work(
            List<Point> points,
            DeadLetter deadLetter,
            UUID seenGateway,
            String messageId,
            Runnable ack,
            Delivery uplink,
            GatewayPoints uplinkGateway) {

        Work(List<Point> points, DeadLetter deadLetter, UUID seenGateway, String messageId, Runnable ack) {
            this(points, deadLetter, seenGateway, messageId, ack, null, null);
        }
    }

    private record DeadLetter(
            String topic, UUID facility, String gateway, Rejection reason, String detail, byte[] payload) {}

    private final TimeSeriesStore store;
    private final SensorDirectory sensors;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final IngestionStats stats;
    private final ObjectProvider<UplinkHandler> uplinkHandlers;
    private final LiveEvents live;
    private final SeenMessageIds seen = new SeenMessageIds(100_000);
    private final BlockingQueue<Work> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private volatile boolean running;
    private Thread writer;

    Ingestion(
            TimeSeriesStore store,
            SensorDirectory sensors,
            JdbcClient jdbc,
            Clock clock,
            IngestionStats stats,
            ObjectProvider<UplinkHandler> uplinkHandlers,
            LiveEvents live) {
        this.uplinkHandlers = uplinkHandlers;
        this.live = live;
        this.store = store;
        this.sensors = sensors;
        this.jdbc = jdbc;
        this.clock = clock;
        this.stats = stats;
    }

    @Override
    public void onMessage(String topic, byte[] payload, Runnable ack) {
        stats.messages.incrementAndGet();
        Work work = check(topic, payload, ack);
        if (work == null) {
            return;
        }
        try {
            queue.put(work); // blocks while the writer is behind: back-pressure onto the broker
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The work for one message, or {@code null} when it was a duplicate (acknowledged at once). */
    private Work check(String topic, byte[] payload, Runnable ack) {
        Delivery delivery;
        try {
            delivery = WireCodec.receive(topic, payload);
        } catch (WireFormatException | RuntimeException e) {
            String[] levels = topic.split("/", -1);
            String clientId = levels.length == 5 && levels[3].length() <= 64 ? levels[3] : null;
            // shown to the facility's admins when the topic is a registered gateway's own
            UUID facility = clientId == null
                    ? null
                    : sensors.gateway(clientId)
                            .map(GatewayPoints::facilityId)
                            .filter(f -> f.toString().equals(levels[2]))
                            .orElse(null);
            return refused(topic, facility, clientId, Rejection.MALFORMED, e.getMessage(), payload, ack);
        }
        String clientId = delivery.topic().gateway();
        String key = clientId + "/" + delivery.message().messageId();
        if (seen.contains(key)) {
            stats.duplicates.incrementAndGet();
            ack.run();
            stats.acknowledged.incrementAndGet();
            return null;
        }
        Optional<GatewayPoints> gateway = sensors.gateway(clientId);
        if (gateway.isEmpty()) {
            return refused(
                    topic,
                    null,
                    clientId,
                    Rejection.UNKNOWN_GATEWAY,
                    "no gateway has client id " + clientId,
                    payload,
                    ack);
        }
        GatewayPoints g = gateway.get();
        if (!g.facilityId().toString().equals(delivery.topic().facility())) {
            return refused(
                    topic,
                    null,
                    clientId,
                    Rejection.WRONG_FACILITY,
                    "gateway " + clientId + " does not belong to facility "
                            + delivery.topic().facility(),
                    payload,
                    ack);
        }
        if (!(delivery.message() instanceof TelemetryBatch batch)) {
            // state, events, audit records and acknowledgements: for the UplinkHandlers, once what came before
            // them in the batch is stored
            // the last will (online = false) is the broker saying it lost the gateway: not a sign of life
            boolean lastWill = delivery.message() instanceof GatewayState state && !state.online();
            return new Work(List.of(), null, lastWill ? null : g.gatewayId(), key, ack, delivery, g);
        }
        List<Point> points = new ArrayList<>(batch.readings().size());
        StringBuilder problems = null;
        Rejection first = null;
        int refused = 0;
        for (Reading r : batch.readings()) {
            // a BAD reading's value is whatever the gateway read (80 °C from a broken sensor): stored as NaN, the
            // store's mark of bad quality, so that it reaches no series, aggregate, latest value or alert rule
            double value = r.quality() == Quality.BAD ? Double.NaN : r.value();
            Optional<Target> target = sensors.target(g, clientId, r.point());
            Rejection why;
            String detail;
            if (target.isEmpty()) {
                why = Rejection.UNKNOWN_POINT;
                detail = r.point() + ": no sensor of this gateway reports it";
            } else {
                Target t = target.get();
                if (!Units.normalise(r.unit()).equals(t.unit())) {
                    why = Rejection.WRONG_UNIT;
                    detail = r.point() + ": unit " + r.unit() + ", the sensor's is " + t.unit();
                } else if (!Double.isNaN(value)
                        && ((!Double.isNaN(t.min()) && value < t.min())
                                || (!Double.isNaN(t.max()) && value > t.max()))) {
                    why = Rejection.OUT_OF_RANGE;
                    detail = r.point() + ": " + r.value() + " " + t.unit() + " outside [" + t.min() + ", " + t.max()
                            + "]";
                } else {
                    points.add(new Point(
                            g.facilityId(),
                            t.sensorId(),
                            r.sourceTime().toEpochMilli(),
                            value,
                            r.quality().ordinal()));
                    continue;
                }
            }
            refused++;
            stats.rejected(why).incrementAndGet();
            if (first == null) {
                first = why;
                problems = new StringBuilder();
            }
            if (problems.length() < 900) {
                problems.append(problems.length() == 0 ? "" : "; ").append(detail);
            }
        }
        DeadLetter dl = first == null
                ? null
                : new DeadLetter(
                        topic,
                        g.facilityId(),
                        clientId,
                        first,
                        refused + " of " + batch.readings().size() + " readings refused: " + problems,
                        payload);
        return new Work(points, dl, g.gatewayId(), key, ack, null, g);
    }

    private Work refused(
            String topic,
            UUID facility,
            String gateway,
            Rejection reason,
            String detail,
            byte[] payload,
            Runnable ack) {
        stats.rejected(reason).incrementAndGet();
        return new Work(
                List.of(),
                new DeadLetter(topic, facility, gateway, reason, detail, payload),
                null,
                null,
                ack,
                null,
                null);
    }

    // ---- the writer ----

    private void drain() {
        List<Work> batch = new ArrayList<>();
        List<Point> points = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Work first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                points.addAll(first.points());
                // no waiting for more: what arrived while the last batch was written makes the next one, so
                // batches grow with the load and a lone message is stored at once
                Work next;
                while (points.size() < MAX_BATCH && (next = queue.poll()) != null) {
                    batch.add(next);
                    points.addAll(next.points());
                }
                persist(batch, points);
                for (Work w : batch) {
                    if (w.messageId() != null) {
                        seen.firstTime(w.messageId());
                    }
                    w.ack().run();
                }
                stats.acknowledged.addAndGet(batch.size());
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } finally {
                batch.clear();
                points.clear();
            }
        }
    }

    /** Writes until it succeeds (or the service stops), backing off from 0.2 s to 10 s. */
    private void persist(List<Work> batch, List<Point> points) throws InterruptedException {
        long backoff = 200;
        while (true) {
            try {
                // refusals first: a test (or a person) that sees the batch's readings sees its refusals too
                deadLetters(batch);
                store.write(points);
                uplinks(batch);
                touchGateways(batch);
                stats.batches.incrementAndGet();
                stats.failingSince.set(0);
                stats.readingsStored.addAndGet(points.size());
                announce(points);
                return;
            } catch (RuntimeException e) {
                // the store, the database or an uplink handler failed: nothing is acknowledged, all is retried
                stats.storeFailures.incrementAndGet();
                stats.failingSince.incrementAndGet();
                if (!running) {
                    throw new InterruptedException("stopping with a batch not stored; the broker redelivers it");
                }
                log.warn(
                        "ingestion: batch of {} readings not stored ({}); retrying in {} ms",
                        points.size(),
                        e.getMessage(),
                        backoff);
                Thread.sleep(backoff);
                backoff = Math.min(10_000, backoff * 2);
            }
        }
    }

    /** A handler failed on a message; the batch is retried like a store failure (handlers are idempotent). */
    private static final class UplinkFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UplinkFailed(String message, RuntimeException cause) {
            super(message + ": " + cause, cause);
        }
    }

    private void uplinks(List<Work> batch) {
        for (Work w : batch) {
            if (w.uplink() == null) {
                continue;
            }
            for (UplinkHandler h : uplinkHandlers.orderedStream().toList()) {
                try {
                    h.handle(w.uplink(), w.uplinkGateway());
                } catch (RuntimeException e) {
                    throw new UplinkFailed(
                            h.getClass().getSimpleName() + " on "
                                    + w.uplink().topic().name(),
                            e);
                }
            }
        }
    }

    /** Tells live watchers which sensors have new readings, once the batch is stored. */
    private void announce(List<Point> points) {
        if (points.isEmpty()) {
            return;
        }
        Map<UUID, Map<UUID, Point>> newest = new HashMap<>();
        for (Point p : points) {
            if (!Double.isNaN(p.value())) {
                newest.computeIfAbsent(p.facility(), f -> new HashMap<>())
                        .merge(p.sensor(), p, (a, b) -> a.timeMs() >= b.timeMs() ? a : b);
            }
        }
        newest.forEach((facility, bySensor) -> live.publish(
                facility,
                "readings",
                bySensor.values().stream()
                        .map(p -> new LiveReading(p.sensor(), Instant.ofEpochMilli(p.timeMs()), p.value()))
                        .toList()));
    }

    /** The newest stored reading of a sensor in a batch, as pushed live. */
    public record LiveReading(UUID sensorId, Instant time, double value) {}

    private void deadLetters(List<Work> batch) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (Work w : batch) {
            DeadLetter d = w.deadLetter();
            if (d == null) {
                continue;
            }
            String payload = d.payload() == null
                    ? null
                    : new String(
                            d.payload(), 0, Math.min(d.payload().length, MAX_PAYLOAD_KEPT), StandardCharsets.UTF_8);
            // the id is the message's own (topic and bytes), so a batch written again after a failure, or a
            // bad message delivered twice, leaves one row
            byte[] topicBytes = d.topic().getBytes(StandardCharsets.UTF_8);
            byte[] key = new byte[topicBytes.length + 1 + (d.payload() == null ? 0 : d.payload().length)];
            System.arraycopy(topicBytes, 0, key, 0, topicBytes.length);
            if (d.payload() != null) {
                System.arraycopy(d.payload(), 0, key, topicBytes.length + 1, d.payload().length);
            }
            // typed parameters: PostgreSQL takes an untyped NULL in VALUES (a dead letter without a facility or
            // gateway) for text, which a uuid column refuses
            jdbc.sql("MERGE INTO dead_letters t USING (VALUES (CAST(? AS UUID), CAST(? AS TIMESTAMP WITH TIME ZONE),"
                            + " CAST(? AS VARCHAR(300)), CAST(? AS UUID), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(32)),"
                            + " CAST(? AS VARCHAR(1000)), CAST(? AS VARCHAR(8192))))"
                            + " AS v (id, received_at, topic, facility_id, gateway, reason, detail, payload)"
                            + " ON t.id = v.id WHEN NOT MATCHED THEN INSERT"
                            + " (id, received_at, topic, facility_id, gateway, reason, detail, payload)"
                            + " VALUES (v.id, v.received_at, v.topic, v.facility_id, v.gateway, v.reason, v.detail,"
                            + " v.payload)")
                    .params(
                            UUID.nameUUIDFromBytes(key),
                            now,
                            cut(d.topic(), 300),
                            d.facility(),
                            d.gateway() == null ? null : cut(d.gateway(), 64),
                            d.reason().name(),
                            cut(d.detail() == null ? "" : d.detail(), 1000),
                            payload == null ? null : payload.replace('\0', '\uFFFD'))
                    .update();
        }
    }

    private void touchGateways(List<Work> batch) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        batch.stream()
                .map(Work::seenGateway)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .forEach(id -> jdbc.sql("UPDATE gateways SET last_seen_at = ? WHERE id = ?")
                        .params(now, id)
                        .update());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    // ---- lifecycle: starts before the broker client delivers, stops after it ----

    @Override
    public synchronized void start() {
        running = true;
        writer = new Thread(this::drain, "rala-ingest-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the MQTT client, so the writer is there when the first message comes. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    /** Messages checked and waiting for the writer. */
    public int queued() {
        return queue.size();
    }
}
