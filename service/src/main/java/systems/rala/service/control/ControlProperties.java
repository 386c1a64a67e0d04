package systems.rala.service.control;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Commands and policy rollouts ({@code rala.controls.*}), checked when the service starts.
 *
 * @param ackGrace how long after a command's {@code expiresAt} its terminal acknowledgement may still come
 *     before it is {@code TIMED_OUT}: the gateway acknowledges a command it got just before its expiry only
 *     after writing to the equipment, and the acknowledgement then crosses the broker (default 30 s)
 * @param rolloutTimeout how long a rollout waits for the gateway to report the version loaded (or refused)
 *     before it is {@code TIMED_OUT}: the gateway downloads the file (16 MiB at most), checks and loads it,
 *     and reports in its next state message (default 15 min)
 * @param sweepInterval how often open commands are checked for time-outs, and queued ones re-sent when the
 *     broker is back (default 5 s)
 * @param publicUrl the service's address as gateways reach it, e.g. {@code https://rala.example.org}; policy
 *     announcements point gateways at {@code {publicUrl}/api/v1/gateway/policies/{id}/file}. Empty: {@code
 *     http://{server.address}:{the port the service listens on}}, right only for gateways on the same host
 */
@ConfigurationProperties("rala.controls")
@Validated
public record ControlProperties(
        @DefaultValue("30s") @NotNull Duration ackGrace,
        @DefaultValue("15m") @NotNull Duration rolloutTimeout,
        @DefaultValue("5s") @NotNull Duration sweepInterval,

        @Pattern(regexp = "(https?://[^/?#\\s]+(/[^?#\\s]*)?)?", message = "must be http(s)://host[:port][/path]")
        String publicUrl) {

    @AssertTrue(message = "ackGrace must be between 0 and 1 hour")
    public boolean isAckGraceBounded() {
        return ackGrace == null || (!ackGrace.isNegative() && ackGrace.compareTo(Duration.ofHours(1)) <= 0);
    }

    @AssertTrue(message = "rolloutTimeout must be between 5 seconds and 1 day")
    public boolean isRolloutTimeoutBounded() {
        return rolloutTimeout == null
                || (rolloutTimeout.compareTo(Duration.ofSeconds(5)) >= 0
                        && rolloutTimeout.compareTo(Duration.ofDays(1)) <= 0);
    }

    @AssertTrue(message = "sweepInterval must be between 50 ms and 1 minute")
    public boolean isSweepIntervalBounded() {
        return sweepInterval == null
                || (sweepInterval.compareTo(Duration.ofMillis(50)) >= 0
                        && sweepInterval.compareTo(Duration.ofMinutes(1)) <= 0);
    }
}
