package systems.rala.service.timeseries;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where readings are kept ({@code rala.timeseries.*}): in the relational database (the embedded default) or in
 * InfluxDB 1.x (production).
 *
 * @param store which store
 * @param influx the InfluxDB server, required when {@code store} is {@code INFLUXDB}
 */
@ConfigurationProperties("rala.timeseries")
@Validated
public record TimeSeriesProperties(
        @NotNull Store store, @Valid Influx influx) {

    /** The kinds of store. */
    public enum Store {
        /** The service's own database (H2 or PostgreSQL). */
        RELATIONAL,
        /** InfluxDB 1.x over its HTTP API. */
        INFLUXDB
    }

    /**
     * @param url the server, e.g. {@code http://127.0.0.1:8086}
     * @param database the database readings go to (created if missing)
     * @param username account, empty when authentication is off
     * @param password its password (from the environment, {@code RALA_INFLUX_PASSWORD})
     */
    public record Influx(
            @Pattern(regexp = "https?://[^/]+(:\\d{1,5})?/?", message = "must be http://host:port or https://host:port")
            String url,

            @Pattern(regexp = "[A-Za-z0-9_]{1,64}", message = "must be 1 to 64 of A-Z a-z 0-9 _")
            String database,

            String username,
            String password) {}

    @AssertTrue(message = "rala.timeseries.influx.url and .database are required when the store is INFLUXDB")
    public boolean isInfluxConfiguredWhenUsed() {
        return store != Store.INFLUXDB
                || (influx != null
                        && influx.url() != null
                        && !influx.url().isBlank()
                        && influx.database() != null
                        && !influx.database().isBlank());
    }
}
