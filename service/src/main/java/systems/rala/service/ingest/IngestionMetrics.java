package systems.rala.service.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import systems.rala.service.mqtt.ServiceMqttClient;

/**
 * Ingestion's counters as Prometheus meters ({@code rala_ingest_*}), and the broker connection and the
 * ingestion writer as health components ({@code mqtt}, {@code ingestion}): they count in {@code
 * /actuator/health} but not in the readiness group, since the API serves without them.
 */
@Configuration(proxyBeanMethods = false)
class IngestionMetrics {

    IngestionMetrics(MeterRegistry meters, IngestionStats stats, Ingestion ingestion, ServiceMqttClient mqtt) {
        counter(meters, "rala.ingest.messages", "Messages taken from the broker", stats.messages);
        counter(
                meters,
                "rala.ingest.readings.stored",
                "Readings written to the time-series store",
                stats.readingsStored);
        counter(
                meters,
                "rala.ingest.duplicates",
                "Messages seen before, acknowledged without storing",
                stats.duplicates);
        counter(meters, "rala.ingest.batches", "Batches written to the time-series store", stats.batches);
        counter(meters, "rala.ingest.store.failures", "Failed attempts to store a batch", stats.storeFailures);
        Gauge.builder("rala.ingest.failing", stats.failingSince, AtomicLong::get)
                .description("Failed attempts in a row on the current batch (0 while ingestion flows)")
                .register(meters);
        counter(meters, "rala.ingest.acknowledged", "Messages acknowledged to the broker", stats.acknowledged);
        for (Rejection r : Rejection.values()) {
            FunctionCounter.builder("rala.ingest.rejected", stats.rejected(r), AtomicLong::get)
                    .description("Messages or readings refused, by reason")
                    .tag("reason", r.name().toLowerCase(java.util.Locale.ROOT))
                    .register(meters);
        }
        Gauge.builder("rala.ingest.queue", ingestion, Ingestion::queued)
                .description("Checked messages waiting to be stored")
                .register(meters);
        Gauge.builder("rala.mqtt.connected", mqtt, c -> c.isConnected() ? 1 : 0)
                .description("1 while the service is connected to its MQTT broker")
                .register(meters);
    }

    private static void counter(MeterRegistry meters, String name, String description, AtomicLong value) {
        FunctionCounter.builder(name, value, AtomicLong::get)
                .description(description)
                .register(meters);
    }

    /**
     * {@code ingestion}: down while the current batch has failed {@link #STALLED_AFTER} times in a row (a store
     * or database away, or a batch that cannot be stored), so an operator sees a stall that only the log and
     * {@code rala_ingest_store_failures_total} would show otherwise.
     */
    @Bean
    HealthIndicator ingestionHealthIndicator(IngestionStats stats, Ingestion ingestion) {
        return () -> (stats.failingSince.get() >= STALLED_AFTER ? Health.down() : Health.up())
                .withDetail("failedAttemptsInARow", stats.failingSince.get())
                .withDetail("queued", ingestion.queued())
                .build();
    }

    static final int STALLED_AFTER = 3;

    @Bean
    HealthIndicator mqttHealthIndicator(ServiceMqttClient mqtt) {
        return () -> (mqtt.isConnected() ? Health.up() : Health.down())
                .withDetail("broker", mqtt.url())
                .build();
    }
}
