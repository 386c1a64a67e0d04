package systems.rala.service.metrics;

import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Daily metrics ({@code rala.metrics.*}).
 *
 * @param nightlyAt when, in UTC, the nightly job computes yesterday and the day before
 */
@ConfigurationProperties("rala.metrics")
@Validated
public record MetricsProperties(@NotNull LocalTime nightlyAt) {}
