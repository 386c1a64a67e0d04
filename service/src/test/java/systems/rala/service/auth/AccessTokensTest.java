package systems.rala.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import systems.rala.service.config.RalaProperties;

class AccessTokensTest {

    private final SigningKey key = SigningKey.fromConfigured(SigningKeyTest.randomKey(32));
    private final RalaProperties.Auth settings =
            new RalaProperties.Auth("rala", "rala-api", Duration.ofMinutes(5), Duration.ofDays(1), null, 10);
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
        RalaProperties.Auth tooLong =
                new RalaProperties.Auth("rala", "rala-api", Duration.ofDays(1), Duration.ofDays(1), null, 10);
        assertThat(tooLong.isAccessTokenTtlShort()).isFalse();
        assertThat(new RalaProperties(Path.of("data"), settings, new RalaProperties.Bootstrap(null, null))
                        .auth()
                        .isAccessTokenTtlShort())
                .isTrue();
    }
}
