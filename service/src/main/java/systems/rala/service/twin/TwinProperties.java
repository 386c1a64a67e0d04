package systems.rala.service.twin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The what-if runner's settings ({@code rala.twin.*}), checked when the service starts.
 *
 * @param poolSize jobs simulated at once, one thread each (a tomato twin step costs 0.2–0.4 ms of one core,
 *     so a 60-day job at 900 s steps takes a few seconds)
 * @param queueCapacity jobs waiting beyond those; a submission past it gets 503
 * @param maxPeriodDays the longest simulated period a job may ask for, days
 */
@ConfigurationProperties("rala.twin")
@Validated
public record TwinProperties(
        @DefaultValue("2") @Min(1) @Max(64) int poolSize,
        @DefaultValue("16") @Min(0) @Max(10_000) int queueCapacity,
        @DefaultValue("60") @Min(1) @Max(350) int maxPeriodDays) {}
