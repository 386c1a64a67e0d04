package systems.rala.edge.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.edge.ServiceSide;
import systems.rala.edge.TestBroker;
import systems.rala.runtime.wire.TelemetryBatch;

/**
 * Store-and-forward survives SIGKILL: a child JVM stores and publishes numbered telemetry and is killed mid-stream;
 * a second child on the same folder sends what is left. Every batch whose offer returned before the kill reaches
 * the broker; after removing duplicates by message id (as the service does), each arrived exactly once, and the
 * first arrivals are in the order the batches were made (the replay is oldest first).
 */
class StoreAndForwardCrashTest {

    static final String CLIENT = "gw-crash";
    static final String SECRET = "crash-test-secret";

    @TempDir
    Path dir;

    Process child(String mode, Path ids, String url, int count) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Xmx256m",
                OutboxChild.class.getName(),
                mode,
                dir.resolve("outbox").toString(),
                url,
                CLIENT,
                SECRET,
                "farm-1",
                Integer.toString(count),
                ids.toString());
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(mode + ".log").toFile())
                .start();
    }

    @Test
    void aGatewayKilledMidStreamLosesNothingAndRepeatsOnlyWhatWasInFlight() throws Exception {
        try (TestBroker broker = new TestBroker()
                        .user(CLIENT, SECRET)
                        .user(ServiceSide.USER, ServiceSide.PASSWORD)
                        .start();
                ServiceSide service = new ServiceSide(broker.url())) {
            Path ids = dir.resolve("ids.txt");
            int count = 20_000;
            Process producer = child("produce", ids, broker.url(), count);
            // kill it once some batches are stored and some are published: mid-stream
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline
                    && (lines(ids) < 2000 || service.of(TelemetryBatch.class).size() < 200)) {
                Thread.sleep(5);
            }
            producer.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
            assertThat(producer.waitFor(20, TimeUnit.SECONDS)).isTrue();
            List<String> logged = readIds(ids);
            int beforeKill = service.of(TelemetryBatch.class).size();
            assertThat(logged.size()).as("killed mid-stream, not after the end").isLessThan(count);

            Process drainer = child("drain", ids, broker.url(), 0);
            assertThat(drainer.waitFor(90, TimeUnit.SECONDS))
                    .as("drain finished")
                    .isTrue();
            String drainLog = Files.readString(dir.resolve("drain.log"));
            assertThat(drainer.exitValue()).as(drainLog).isZero();
            assertThat(drainLog).contains("drained, pending 0");
            // the broker acknowledged everything; its deliveries to the service's client may lag behind
            Set<String> want = new HashSet<>(logged);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < until) {
                Set<String> have = new HashSet<>();
                service.of(TelemetryBatch.class).forEach(b -> have.add(b.messageId()));
                if (have.containsAll(want)) {
                    break;
                }
                Thread.sleep(50);
            }
            Thread.sleep(300); // and any duplicates behind them

            List<TelemetryBatch> got = service.of(TelemetryBatch.class);
            Map<String, TelemetryBatch> firstArrival = new LinkedHashMap<>();
            for (TelemetryBatch b : got) {
                firstArrival.putIfAbsent(b.messageId(), b);
            }
            Set<String> received = firstArrival.keySet();
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < logged.size(); i++) {
                if (!received.contains(logged.get(i))) {
                    missing.add(i);
                }
            }
            assertThat(missing)
                    .as("batches stored but never received, by number, of " + logged.size() + " logged; "
                            + received.size() + " received; drain: " + drainLog)
                    .isEmpty();
            assertThat(received).as("every stored batch arrived").containsAll(logged);
            // the batches carry their number: after deduplication each number once, in order
            List<Double> numbers = new ArrayList<>();
            firstArrival.values().forEach(b -> numbers.add(b.readings().get(0).value()));
            assertThat(new HashSet<>(numbers)).hasSize(numbers.size());
            assertThat(numbers).isSorted();
            assertThat(numbers.get(numbers.size() - 1)).isLessThan(count);
            int duplicates = got.size() - received.size();
            System.out.printf(
                    "store-and-forward crash: %d logged before the kill, %d received before it, %d"
                            + " received in all, %d duplicates (in flight at the kill)%n",
                    logged.size(), beforeKill, received.size(), duplicates);
            // duplicates are what was published but not yet acknowledged (a window of 32) plus acknowledgements
            // whose cursor update the kill lost: a handful, not a replay of everything
            assertThat(duplicates).isLessThanOrEqualTo(64);
        }
    }

    static long lines(Path f) throws Exception {
        if (!Files.exists(f)) {
            return 0;
        }
        return Files.size(f) / 37; // a UUID and a newline
    }

    static List<String> readIds(Path f) throws Exception {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(f)) {
            if (l.length() == 36) {
                out.add(l); // a torn last line was not a completed offer
            }
        }
        return out;
    }
}
