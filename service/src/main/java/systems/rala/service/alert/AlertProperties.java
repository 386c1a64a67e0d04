package systems.rala.service.alert;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The alerting that the service does by itself ({@code rala.alerts.*}).
 *
 * @param scanInterval time between two scans for offline gateways and silent sensors (the first comes one
 *     interval after start-up)
 * @param gatewayOfflineAfter a gateway that has sent nothing for longer is offline
 * @param sensorSilentAfter a sensor of a gateway whose newest reading is older is silent
 */
@ConfigurationProperties("rala.alerts")
@Validated
public record AlertProperties(
        @NotNull Duration scanInterval,
        @NotNull Duration gatewayOfflineAfter,
        @NotNull Duration sensorSilentAfter) {

    @AssertTrue(message = "must be between 1 second and 1 day")
    public boolean isScanIntervalBounded() {
        return scanInterval == null
                || (scanInterval.compareTo(Duration.ofSeconds(1)) >= 0
                        && scanInterval.compareTo(Duration.ofDays(1)) <= 0);
    }

    @AssertTrue(message = "must be between 1 minute and 1 day")
    public boolean isGatewayOfflineAfterBounded() {
        return gatewayOfflineAfter == null
                || (gatewayOfflineAfter.compareTo(Duration.ofMinutes(1)) >= 0
                        && gatewayOfflineAfter.compareTo(Duration.ofDays(1)) <= 0);
    }

    @AssertTrue(message = "must be between 1 minute and 1 day")
    public boolean isSensorSilentAfterBounded() {
        return sensorSilentAfter == null
                || (sensorSilentAfter.compareTo(Duration.ofMinutes(1)) >= 0
                        && sensorSilentAfter.compareTo(Duration.ofDays(1)) <= 0);
    }
}
