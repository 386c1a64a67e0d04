package systems.rala.edge.queue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import systems.rala.edge.config.GatewayConfig;
import systems.rala.edge.mqtt.MqttLink;
import systems.rala.runtime.wire.Command;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.runtime.wire.MessageIds;
import systems.rala.runtime.wire.PolicyAnnouncement;
import systems.rala.runtime.wire.Quality;
import systems.rala.runtime.wire.Reading;
import systems.rala.runtime.wire.TelemetryBatch;
import systems.rala.runtime.wire.Topics;

/**
 * A gateway's sending half in a process of its own, for {@link StoreAndForwardCrashTest}: {@code produce} stores
 * numbered telemetry batches in the outbox while the link publishes them, logging each id once its offer has
 * returned (the test kills the process with SIGKILL somewhere in the middle); {@code drain} opens the same outbox,
 * publishes what is left and exits when the broker has acknowledged everything.
 *
 * <p>Arguments: {@code produce|drain DATA_DIR BROKER_URL CLIENT_ID SECRET FACILITY COUNT IDS_FILE}.
 */
public final class OutboxChild {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path data = Path.of(args[1]);
        String url = args[2];
        String client = args[3];
        char[] secret = args[4].toCharArray();
        String facility = args[5];
        int count = Integer.parseInt(args[6]);
        Path ids = Path.of(args[7]);
        DiskQueue.Options options = new DiskQueue.Options(
                64 << 20, 1 << 20, Fsync.NEVER, Duration.ofSeconds(1), DiskQueue.Overflow.DROP_OLDEST);
        Outbox outbox = new Outbox(data, options, options);
        GatewayConfig.Mqtt mqtt = new GatewayConfig.Mqtt(
                url,
                client,
                secret,
                null,
                null,
                "PKCS12",
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                32,
                Duration.ofSeconds(2));
        MqttLink link = new MqttLink(
                mqtt,
                facility,
                outbox,
                new MqttLink.Listener() {
                    @Override
                    public void onCommand(Command command) {}

                    @Override
                    public void onPolicy(PolicyAnnouncement announcement) {}

                    @Override
                    public void onRejected(String topic, String why) {}
                },
                () -> new GatewayState(
                        MessageIds.newId(), client, Instant.now(), false, ControlMode.FALLBACK, null, null));
        link.start();
        if (mode.equals("produce")) {
            String topic = Topics.telemetry(facility, client);
            try (FileChannel log = FileChannel.open(
                    ids, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                for (int i = 0; i < count; i++) {
                    Instant now = Instant.now();
                    TelemetryBatch b = new TelemetryBatch(
                            MessageIds.newId(),
                            client,
                            now,
                            List.of(new Reading("air_temperature", i, "°C", now, Quality.GOOD)));
                    outbox.offer(topic, b);
                    log.write(ByteBuffer.wrap((b.messageId() + "\n").getBytes(StandardCharsets.UTF_8)));
                    if (i % 10 == 0) {
                        Thread.sleep(1);
                    }
                }
            }
            System.out.println("produced " + count);
            Thread.sleep(60_000); // the test kills it before
        } else {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (outbox.pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            System.out.println("drained, pending " + outbox.pending() + ", published " + link.published() + ", corrupt "
                    + outbox.bulkStats().corrupt() + ", torn bytes "
                    + outbox.bulkStats().tornBytes());
            link.close();
            outbox.close();
        }
    }
}
