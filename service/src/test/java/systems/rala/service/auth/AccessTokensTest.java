package systems.rala.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import systems.rala.service.config.RalaProperties;

class AccessTokensTest {

    private final SigningKey key = SigningKey.fromConfigured(SigningKeyTest.randomKey(32));
    private final RalaProperties.Auth settings = auth(Duration.ofMinutes(5));

    /** Settings as application.yaml has them, with the given access-token lifetime. */
    static RalaProperties.Auth auth(Duration accessTokenTtl) {
        RalaProperties.Rate perAccount = new RalaProperties.Rate(5, Duration.ofMinutes(15));
        RalaProperties.Rate perAddress = new RalaProperties.Rate(30, Duration.ofMinutes(15));
        return new RalaProperties.Auth(
                "rala",
                "rala-api",
                accessTokenTtl,
                Duration.ofDays(1),
                null,
                10,
                Duration.ofDays(7),
                new RalaProperties.LoginLimit(perAccount, perAddress, 10_000),
                List.of());
    }

    private final AccessTokens tokens = new AccessTokens(key, settings, Clock.systemUTC());

    @Test
    void anIssuedTokenNamesItsUser() {
        UUID user = UUID.randomUUID();
        assertThat(tokens.verify(tokens.issue(user))).contains(user);
    }

    @Test
    void everyForgedVariantIsRejected() {
        UUID user = UUID.randomUUID();
        new TokenForge(key, "rala", "rala-api")
                .badTokens(user)
                .forEach((name, token) ->
                        assertThat(tokens.verify(token)).as(name).isEmpty());
    }

    @Test
    void settingsOutOfRangeAreReportedByName() {
        RalaProperties.Auth tooLong = auth(Duration.ofDays(1));
        assertThat(tooLong.isAccessTokenTtlShort()).isFalse();
        assertThat(new RalaProperties(Path.of("data"), settings, new RalaProperties.Bootstrap(null, null))
                        .auth()
                        .isAccessTokenTtlShort())
                .isTrue();
    }
}
