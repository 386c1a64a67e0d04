package systems.rala.service.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Production runs on PostgreSQL, configured only through the validated {@link DatabaseProperties}. */
@Configuration(proxyBeanMethods = false)
@Profile("production")
@EnableConfigurationProperties(DatabaseProperties.class)
class ProductionDatabaseConfig {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties db) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.username());
        config.setPassword(db.password() == null ? "" : db.password());
        config.setMaximumPoolSize(db.maxPoolSize());
        config.setPoolName("rala");
        return new HikariDataSource(config);
    }
}
