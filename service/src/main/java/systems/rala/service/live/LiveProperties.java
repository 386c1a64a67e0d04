package systems.rala.service.live;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the live WebSocket ({@code rala.live.*}), which protect the service from slow and greedy clients.
 *
 * @param maxSessionsPerUser live sessions one account may hold at once on this instance
 * @param sendTimeLimit longest one frame may take to be sent; a client slower than that is dropped
 * @param bufferSizeLimit bytes of frames that may wait for a slow client; beyond it the client is dropped
 * @param membershipRecheck how often open sessions are checked against the facility's members, so that a
 *     removed member stops receiving
 */
@ConfigurationProperties("rala.live")
@Validated
public record LiveProperties(
        @Min(1) @Max(1000) int maxSessionsPerUser,
        @NotNull Duration sendTimeLimit,
        @Min(4096) @Max(64 * 1024 * 1024) int bufferSizeLimit,
        @NotNull Duration membershipRecheck) {

    @AssertTrue(message = "must be between 100 ms and 1 minute")
    public boolean isSendTimeLimitBounded() {
        return sendTimeLimit == null
                || (sendTimeLimit.compareTo(Duration.ofMillis(100)) >= 0
                        && sendTimeLimit.compareTo(Duration.ofMinutes(1)) <= 0);
    }

    @AssertTrue(message = "must be between 1 second and 1 hour")
    public boolean isMembershipRecheckBounded() {
        return membershipRecheck == null
                || (membershipRecheck.compareTo(Duration.ofSeconds(1)) >= 0
                        && membershipRecheck.compareTo(Duration.ofHours(1)) <= 0);
    }
}
