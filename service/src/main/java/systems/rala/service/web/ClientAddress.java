package systems.rala.service.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import systems.rala.service.config.RalaProperties;

/**
 * Tells a request's client address: the TCP peer, unless that peer is a configured trusted proxy
 * ({@code rala.auth.trusted-proxies}, none by default), in which case {@code X-Forwarded-For} is read from the
 * right, hop by hop, as long as each hop is trusted. A client cannot pick its own address this way: the first
 * address not vouched for by a trusted proxy is the answer.
 */
@Component
public class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpRange> trusted;

    @Autowired
    ClientAddress(RalaProperties props) {
        this(props.auth().trustedProxies());
    }

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies == null
                ? List.of()
                : trustedProxies.stream()
                        .map(p -> IpRange.parse(p)
                                .orElseThrow(() -> new IllegalArgumentException("not an address: " + p)))
                        .toList();
    }

    /** The client address of {@code request}. */
    public String of(HttpServletRequest request) {
        List<String> forwarded = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
            for (String hop : header.split(",")) {
                forwarded.add(hop.trim());
            }
        }
        return resolve(request.getRemoteAddr(), forwarded);
    }

    /** The client address of the request this thread is serving, if it is serving one. */
    public Optional<String> ofCurrentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return Optional.of(of(attributes.getRequest()));
        }
        return Optional.empty();
    }

    /**
     * @param remote the TCP peer's address
     * @param forwarded the {@code X-Forwarded-For} hops in order, the client first and the last proxy last
     */
    String resolve(String remote, List<String> forwarded) {
        Optional<InetAddress> peer = IpRange.literal(remote);
        if (peer.isEmpty()) {
            return remote;
        }
        InetAddress client = peer.get();
        for (int i = forwarded.size() - 1; i >= 0 && isTrusted(client); i--) {
            Optional<InetAddress> hop = IpRange.literal(unbracket(forwarded.get(i)));
            if (hop.isEmpty()) {
                // garbage from the client side of the last trusted proxy: stop at that proxy
                break;
            }
            client = hop.get();
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** {@code [2001:db8::1]:443} and {@code 192.0.2.1:443} as some proxies write them. */
    private static String unbracket(String hop) {
        if (hop.startsWith("[") && hop.indexOf(']') > 0) {
            return hop.substring(1, hop.indexOf(']'));
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && hop.indexOf(':', colon + 1) < 0) {
            return hop.substring(0, colon);
        }
        return hop;
    }
}
