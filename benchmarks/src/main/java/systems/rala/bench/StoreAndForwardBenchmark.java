package systems.rala.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import systems.rala.edge.queue.DiskQueue;
import systems.rala.edge.queue.Fsync;
import systems.rala.edge.queue.Outbox;
import systems.rala.runtime.wire.MessageIds;
import systems.rala.runtime.wire.MessageKind;
import systems.rala.runtime.wire.Quality;
import systems.rala.runtime.wire.Reading;
import systems.rala.runtime.wire.TelemetryBatch;
import systems.rala.runtime.wire.Topics;
import systems.rala.runtime.wire.WireCodec;

/**
 * Messages per second through the gateway's store-and-forward outbox on the local disk: each message is stored
 * ({@link Outbox#offer}, the record written and, per the {@link #fsync} policy, forced), handed out for publishing
 * ({@link Outbox#next}) and acknowledged as the broker's PUBACK would ({@link Outbox#ack}, the cursor written), in
 * batches of {@value #BATCH} as the link's in-flight window takes them. No broker: this is the queue's own cost, the
 * ceiling under the network's. The message is a telemetry batch of 12 readings, 1,535 bytes of JSON.
 *
 * <ul>
 *   <li>{@code always}: every append forced (fdatasync) before it returns: nothing acknowledged is lost with the
 *       power;
 *   <li>{@code interval}: forced at most every second (the gateway's default);
 *   <li>{@code never}: left to the operating system; still safe against a killed process.
 * </ul>
 *
 * <pre>benchmarks/run StoreAndForwardBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StoreAndForwardBenchmark {

    static final int BATCH = 32;

    @Param({"always", "interval", "never"})
    public String fsync;

    private Path dir;
    private Outbox outbox;
    private String topic;
    private byte[] payload;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("rala-outbox-bench");
        DiskQueue.Options o = new DiskQueue.Options(
                256L << 20,
                4L << 20,
                Fsync.valueOf(fsync.toUpperCase()),
                Duration.ofSeconds(1),
                DiskQueue.Overflow.DROP_OLDEST);
        outbox = new Outbox(dir, o, o);
        topic = Topics.telemetry("3f0c6d4e-9a51-4c1e-8d0b-5e2f7a9c1b34", "gw-0123456789abcdef0123");
        Instant now = Instant.now();
        List<Reading> readings = new ArrayList<>();
        String[] names = {
            "air_temperature",
            "air_relative_humidity",
            "air_co2",
            "canopy_temperature",
            "pipe_temperature",
            "air_vpd",
            "outdoor_temperature",
            "outdoor_relative_humidity",
            "outdoor_global_radiation",
            "outdoor_wind_speed",
            "outdoor_co2",
            "canopy_par"
        };
        for (int i = 0; i < names.length; i++) {
            readings.add(new Reading(names[i], 20.0 + i * 1.37, "°C", now, Quality.GOOD));
        }
        payload = WireCodec.encode(new TelemetryBatch(MessageIds.newId(), "gw-0123456789abcdef0123", now, readings));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int storeSendAcknowledge() {
        for (int i = 0; i < BATCH; i++) {
            outbox.offer(topic, MessageKind.TELEMETRY, payload);
        }
        List<Outbox.Item> items = outbox.next(BATCH);
        for (Outbox.Item item : items) {
            outbox.ack(item);
        }
        return items.size();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (outbox.pending() != 0) {
            throw new IllegalStateException(outbox.pending() + " messages left in the outbox");
        }
        outbox.close();
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }
}
