package systems.rala.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Addresses from the documentation ranges (RFC 5737, RFC 3849) and private ones. */
class ClientAddressTest {

    private final ClientAddress none = new ClientAddress(List.of());
    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "2001:db8:ffff::1"));

    @Test
    void byDefaultTheTcpPeerIsTheClientWhateverTheHeaderClaims() {
        assertThat(none.resolve("10.1.2.3", List.of("198.51.100.7"))).isEqualTo("10.1.2.3");
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.1");
        request.addHeader("X-Forwarded-For", "203.0.113.5");
        assertThat(none.of(request)).isEqualTo("192.0.2.1");
    }

    @Test
    void aTrustedProxyIsBelievedHopByHopFromTheRight() {
        // client → 10.0.0.5 (trusted) → 10.9.9.9 (trusted, the TCP peer)
        assertThat(behindProxies.resolve("10.9.9.9", List.of("198.51.100.7", "10.0.0.5")))
                .isEqualTo("198.51.100.7");
        // what the client wrote itself (left of the first untrusted hop) is ignored
        assertThat(behindProxies.resolve("10.9.9.9", List.of("127.0.0.1", "198.51.100.7")))
                .isEqualTo("198.51.100.7");
        // every hop trusted: the leftmost
        assertThat(behindProxies.resolve("10.9.9.9", List.of("10.0.0.1"))).isEqualTo("10.0.0.1");
        // no header: the proxy itself
        assertThat(behindProxies.resolve("10.9.9.9", List.of())).isEqualTo("10.9.9.9");
        // an untrusted peer's header is not read at all
        assertThat(behindProxies.resolve("192.0.2.1", List.of("198.51.100.7"))).isEqualTo("192.0.2.1");
    }

    @Test
    void headersSplitOnCommasAndSeveralHeadersAreOneList() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.9.9.9");
        request.addHeader("X-Forwarded-For", "203.0.113.5, 10.0.0.5");
        request.addHeader("X-Forwarded-For", "10.0.0.6");
        assertThat(behindProxies.of(request)).isEqualTo("203.0.113.5");
    }

    @Test
    void garbageAndHostNamesStopTheWalkWithoutAnyLookup() {
        assertThat(behindProxies.resolve("10.9.9.9", List.of("evil.example", "10.0.0.5")))
                .isEqualTo("10.0.0.5");
        assertThat(behindProxies.resolve("10.9.9.9", List.of("999.1.1.1"))).isEqualTo("10.9.9.9");
        assertThat(IpRange.literal("localhost")).isEmpty();
        assertThat(IpRange.literal("1.2.3")).isEmpty();
        assertThat(IpRange.literal("example.com")).isEmpty();
    }

    @Test
    void ipv6AndPortsAsProxiesWriteThem() throws Exception {
        assertThat(behindProxies.resolve("2001:db8:ffff:0:0:0:0:1", List.of("[2001:db8::7]:443")))
                .isEqualTo(InetAddress.getByName("2001:db8::7").getHostAddress());
        assertThat(behindProxies.resolve("10.9.9.9", List.of("198.51.100.7:5123")))
                .isEqualTo("198.51.100.7");
        // an IPv4 address mapped into IPv6 is that IPv4 address
        assertThat(behindProxies.resolve("::ffff:10.1.1.1", List.of("198.51.100.7")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void rangesMatchByPrefix() throws Exception {
        IpRange net = IpRange.parse("192.168.8.0/21").orElseThrow();
        assertThat(net.contains(InetAddress.getByName("192.168.15.255"))).isTrue();
        assertThat(net.contains(InetAddress.getByName("192.168.16.0"))).isFalse();
        assertThat(net.contains(InetAddress.getByName("::1"))).isFalse();
        assertThat(IpRange.parse("0.0.0.0/0").orElseThrow().contains(InetAddress.getByName("203.0.113.1")))
                .isTrue();
        assertThat(IpRange.isValid("10.0.0.0/33")).isFalse();
        assertThat(IpRange.isValid("fd00::/8")).isTrue();
        assertThat(IpRange.isValid("proxy.internal")).isFalse();
    }
}
