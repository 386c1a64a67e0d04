package systems.rala.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import systems.rala.service.config.RalaProperties;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** 3 failures per account and 5 attempts per address, each per 15 minutes. */
    private final LoginThrottle throttle = new LoginThrottle(props(3, 5), clock, meters);

    static RalaProperties props(int perAccount, int perAddress) {
        RalaProperties.LoginLimit limit = new RalaProperties.LoginLimit(
                new RalaProperties.Rate(perAccount, Duration.ofMinutes(15)),
                new RalaProperties.Rate(perAddress, Duration.ofMinutes(15)),
                1000);
        RalaProperties.Auth auth = new RalaProperties.Auth(
                "rala",
                "rala-api",
                Duration.ofMinutes(5),
                Duration.ofDays(1),
                null,
                10,
                Duration.ofDays(7),
                limit,
                List.of());
        return new RalaProperties(Path.of("data"), auth, new RalaProperties.Bootstrap(null, null));
    }

    private LoginThrottle.Limit refusal(String email, String address) {
        try {
            throttle.begin(email, address);
        } catch (LoginThrottle.Limited e) {
            return e.limit;
        }
        return null;
    }

    @Test
    void failedAttemptsCountPerAccountWhicheverAddressTheyComeFrom() {
        throttle.begin("ann@rala.test", "192.0.2.1");
        throttle.begin("ann@rala.test", "192.0.2.2");
        // e-mails are compared as stored: trimmed and lower-cased
        throttle.begin(" ANN@rala.test", "192.0.2.3");
        assertThat(refusal("ann@rala.test", "192.0.2.4")).isEqualTo(LoginThrottle.Limit.ACCOUNT);
        assertThat(refusal("bob@rala.test", "192.0.2.4")).isNull();
        assertThat(meters.counter("rala.login.rate.limited", "limit", "account").count())
                .isEqualTo(1.0);
    }

    @Test
    void successfulLoginsDoNotCountAgainstTheAccount() {
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(4)); // keeps 127.0.0.1's bucket of 5 per 15 min from running dry
            throttle.begin("ann@rala.test", "192.0.2.1").succeeded();
        }
        throttle.begin("ann@rala.test", "192.0.2.1");
        throttle.begin("ann@rala.test", "192.0.2.1");
        throttle.begin("ann@rala.test", "192.0.2.1");
        assertThat(refusal("ann@rala.test", "192.0.2.9")).isEqualTo(LoginThrottle.Limit.ACCOUNT);
    }

    @Test
    void everyAttemptCountsPerAddressAndSuccessGivesNothingBack() {
        for (int i = 0; i < 5; i++) {
            throttle.begin("user" + i + "@rala.test", "192.0.2.1").succeeded();
        }
        assertThat(refusal("fresh@rala.test", "192.0.2.1")).isEqualTo(LoginThrottle.Limit.ADDRESS);
        assertThat(refusal("fresh@rala.test", "192.0.2.2")).isNull();
    }

    @Test
    void aRefusedAttemptCostsTheOtherLimitNothing() {
        for (int i = 0; i < 3; i++) {
            throttle.begin("ann@rala.test", "192.0.2.1");
        }
        // refused by the account's limit: 192.0.2.1 gets its token back, so 2 of its 5 remain
        for (int i = 0; i < 5; i++) {
            assertThat(refusal("ann@rala.test", "192.0.2.1")).isEqualTo(LoginThrottle.Limit.ACCOUNT);
        }
        assertThat(refusal("bob@rala.test", "192.0.2.1")).isNull();
        assertThat(refusal("carl@rala.test", "192.0.2.1")).isNull();
        assertThat(refusal("dora@rala.test", "192.0.2.1")).isEqualTo(LoginThrottle.Limit.ADDRESS);
        // refused by the address's limit: dora's account lost nothing
        for (int i = 0; i < 3; i++) {
            assertThat(refusal("dora@rala.test", "192.0.2.7")).isNull();
        }
    }

    @Test
    void theRefusalSaysWhenToComeBack() {
        for (int i = 0; i < 3; i++) {
            throttle.begin("ann@rala.test", "192.0.2.1");
        }
        // 3 per 900 s: one attempt back every 300 s
        assertThatThrownBy(() -> throttle.begin("ann@rala.test", "192.0.2.1"))
                .isInstanceOfSatisfying(
                        LoginThrottle.Limited.class,
                        e -> assertThat(e.toApi().retryAfterSeconds()).isEqualTo(300));
        clock.advance(Duration.ofSeconds(300));
        assertThat(refusal("ann@rala.test", "192.0.2.1")).isNull();
    }
}
