package systems.rala.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import systems.rala.service.config.RalaProperties;

/**
 * The RALA service. With no configuration it runs on the embedded default (H2 in PostgreSQL mode under
 * {@code ./data/}, bound to 127.0.0.1); the {@code production} profile runs on PostgreSQL.
 */
@SpringBootApplication
// DatabaseProperties is bound only under the production profile (ProductionDatabaseConfig)
@EnableConfigurationProperties(RalaProperties.class)
public class RalaServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RalaServiceApplication.class, args);
    }
}
