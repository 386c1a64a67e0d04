package systems.rala.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import systems.rala.service.config.RalaProperties;
import systems.rala.service.mqtt.MqttProperties;
import systems.rala.service.timeseries.TimeSeriesProperties;

/**
 * The RALA service. With no configuration it runs on the embedded default (H2 in PostgreSQL mode under
 * {@code ./data/}, an in-process MQTT broker, all bound to 127.0.0.1); the {@code production} profile runs on
 * PostgreSQL, an external MQTT broker and InfluxDB.
 */
@SpringBootApplication
// DatabaseProperties is bound only under the production profile (ProductionDatabaseConfig)
@EnableConfigurationProperties({RalaProperties.class, MqttProperties.class, TimeSeriesProperties.class})
public class RalaServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RalaServiceApplication.class, args);
    }
}
