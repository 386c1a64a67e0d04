package systems.rala.service.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The alerting settings, and {@code rala_alerts_open}: unresolved alerts (OPEN or ACKNOWLEDGED) at each scrape. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
class AlertsConfig {

    @Bean
    Gauge openAlertsGauge(MeterRegistry meters, Alerts alerts) {
        return Gauge.builder("rala.alerts.open", alerts, Alerts::unresolved)
                .description("Alerts not yet resolved (OPEN or ACKNOWLEDGED), in every facility")
                .strongReference(true)
                .register(meters);
    }
}
