package systems.rala.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RalaPropertiesTest {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    static RalaProperties with(RalaProperties.Rate perAccount, Duration invitationTtl, List<String> proxies) {
        RalaProperties.LoginLimit limit =
                new RalaProperties.LoginLimit(perAccount, new RalaProperties.Rate(30, Duration.ofMinutes(15)), 10_000);
        RalaProperties.Auth auth = new RalaProperties.Auth(
                "rala",
                "rala-api",
                Duration.ofMinutes(5),
                Duration.ofDays(14),
                null,
                12,
                invitationTtl,
                limit,
                proxies);
        return new RalaProperties(Path.of("data"), auth, new RalaProperties.Bootstrap(null, null));
    }

    private List<String> violations(RalaProperties props) {
        Set<ConstraintViolation<RalaProperties>> found = validator.validate(props);
        return found.stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .sorted()
                .toList();
    }

    @Test
    void theShippedLimitsAreValid() {
        // application.yaml: 5 per 15 min per account; 5 + 5 × 4 = 25 in the worst hour
        RalaProperties.Rate shipped = new RalaProperties.Rate(5, Duration.ofMinutes(15));
        assertThat(shipped.mostInOneHour()).isEqualTo(25.0);
        assertThat(violations(with(shipped, Duration.ofDays(7), List.of()))).isEmpty();
    }

    @Test
    void aPerAccountLimitLooserThanAsvsIsRefusedByName() {
        // 30 per 15 minutes: 30 + 120 = 150 an hour, over ASVS's 100
        assertThat(violations(with(new RalaProperties.Rate(30, Duration.ofMinutes(15)), Duration.ofDays(7), List.of())))
                .containsExactly("auth.loginLimit.perAccountWithinAsvs: must allow at most 100 failed attempts an hour"
                        + " (OWASP ASVS V2.2.1)");
    }

    @Test
    void windowsInvitationLifetimesAndProxiesAreChecked() {
        assertThat(violations(with(new RalaProperties.Rate(1, Duration.ofMillis(10)), Duration.ofDays(7), List.of())))
                .anyMatch(v -> v.startsWith("auth.loginLimit.perAccount.windowBounded"));
        assertThat(violations(with(new RalaProperties.Rate(5, Duration.ofMinutes(15)), Duration.ofDays(60), List.of())))
                .containsExactly("auth.invitationTtlBounded: must be between 1 hour and 30 days");
        assertThat(violations(with(
                        new RalaProperties.Rate(5, Duration.ofMinutes(15)),
                        Duration.ofDays(7),
                        List.of("10.0.0.0/8", "proxy.internal"))))
                .containsExactly("auth.trustedProxiesValid: must be IP addresses or CIDR blocks, e.g. 10.0.0.0/8");
    }
}
