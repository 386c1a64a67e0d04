package systems.rala.service.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import systems.rala.service.web.WebProperties;

/** How the handshake reads the token and the facility, and which pages it lets connect. */
class LiveHandshakeTest {

    private static ServletServerHttpRequest request(String... headers) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", "/api/v1/facilities/x/live");
        r.setServerName("127.0.0.1");
        r.setServerPort(8080);
        r.setLocalPort(8080);
        for (int i = 0; i < headers.length; i += 2) {
            r.addHeader(headers[i], headers[i + 1]);
        }
        return new ServletServerHttpRequest(r);
    }

    private static LiveHandshake handshake(List<String> allowedOrigins) {
        return new LiveHandshake(
                null,
                null,
                null,
                new LiveProperties(8, Duration.ofSeconds(10), 1 << 20, Duration.ofSeconds(30)),
                new WebProperties(allowedOrigins));
    }

    @Test
    void theTokenFollowsTheBearerSubprotocol() {
        assertThat(LiveHandshake.token(request("Sec-WebSocket-Protocol", "bearer, aaa.bbb.ccc")))
                .contains("aaa.bbb.ccc");
        // as two header lines, and after another protocol
        assertThat(LiveHandshake.token(request("Sec-WebSocket-Protocol", "bearer", "Sec-WebSocket-Protocol", "t")))
                .contains("t");
        assertThat(LiveHandshake.token(request("Sec-WebSocket-Protocol", "chat,bearer,t2")))
                .contains("t2");
        // "bearer" without a token is no token, even with an Authorization header
        assertThat(LiveHandshake.token(request("Sec-WebSocket-Protocol", "bearer", "Authorization", "Bearer h")))
                .isEmpty();
        // a client that can set headers may use Authorization instead
        assertThat(LiveHandshake.token(request("Authorization", "Bearer h.h.h")))
                .contains("h.h.h");
        assertThat(LiveHandshake.token(request("Sec-WebSocket-Protocol", "chat")))
                .isEmpty();
        assertThat(LiveHandshake.token(request())).isEmpty();
    }

    @Test
    void theFacilityIsThePathsId() {
        UUID id = UUID.randomUUID();
        assertThat(LiveHandshake.facilityId(URI.create("/api/v1/facilities/" + id + "/live")))
                .contains(id);
        assertThat(LiveHandshake.facilityId(URI.create("/api/v1/facilities/nope/live")))
                .isEmpty();
        assertThat(LiveHandshake.facilityId(URI.create("/api/v1/facilities/" + id + "/live/more")))
                .isEmpty();
    }

    @Test
    void withNoOriginsConfiguredOnlyTheServicesOwnOnLoopbackArePages() {
        LiveHandshake h = handshake(List.of());
        for (String own : List.of("http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080")) {
            assertThat(h.originAllowed(own, request())).as(own).isTrue();
        }
        for (String other : List.of(
                "http://127.0.0.1:3000", "http://localhost", "https://evil.example", "null", "file://", "http://x/y")) {
            assertThat(h.originAllowed(other, request())).as(other).isFalse();
        }
    }

    @Test
    void configuredOriginsReplaceLoopbackButTheSameOriginStaysAllowed() {
        LiveHandshake h = handshake(List.of("https://Dash.Example:443", "http://10.0.0.7:8000"));
        assertThat(h.originAllowed("https://dash.example", request())).isTrue();
        assertThat(h.originAllowed("http://10.0.0.7:8000", request())).isTrue();
        assertThat(h.originAllowed("http://localhost:8080", request())).isFalse();
        assertThat(h.originAllowed("https://dash.example.evil", request())).isFalse();
        // the page the request is addressed to (Host 127.0.0.1:8080)
        assertThat(h.originAllowed("http://127.0.0.1:8080", request())).isTrue();
    }

    @Test
    void originsAreComparedInOneSpelling() {
        assertThat(WebProperties.normalise("HTTPS://Dash.Example:443")).isEqualTo("https://dash.example");
        assertThat(WebProperties.normalise("http://dash.example:80")).isEqualTo("http://dash.example");
        assertThat(WebProperties.normalise("http://dash.example:8080")).isEqualTo("http://dash.example:8080");
        assertThat(WebProperties.normalise("https://dash.example/app")).isNull();
        assertThat(WebProperties.normalise("ftp://dash.example")).isNull();
        assertThat(new WebProperties(List.of("https://ok.example", "bad")).isAllowedOriginsValid())
                .isFalse();
    }
}
