package systems.rala.service.live;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import systems.rala.service.auth.AccessTokens;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import systems.rala.service.web.ApiException;
import systems.rala.service.web.WebProperties;

/**
 * Admits a live session, in this order, answering problem+json and no upgrade when it refuses:
 *
 * <ol>
 *   <li>the page's {@code Origin} must be allowed (403): the same origin as the request, one of {@code
 *       rala.web.allowed-origins}, or, while that is empty, the service's own port on loopback. A request
 *       without {@code Origin} comes from no browser page and passes (a browser always sends one);
 *   <li>the access token, from the {@code Sec-WebSocket-Protocol} values {@code bearer, <token>} (browsers
 *       cannot set {@code Authorization} on a WebSocket) or else from {@code Authorization: Bearer}, is checked
 *       exactly as on the REST API (401);
 *   <li>the account must be a member of the facility, in any role (404, as for a facility that does not
 *       exist);
 *   <li>the account may hold at most {@code rala.live.max-sessions-per-user} sessions (429).
 * </ol>
 */
@Component
class LiveHandshake implements HandshakeInterceptor {

    private static final Pattern PATH = Pattern.compile("/api/v1/facilities/([^/]+)/live/?");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private final AccessTokens tokens;
    private final FacilityAccess access;
    private final LiveSocket socket;
    private final LiveProperties props;
    private final List<String> allowedOrigins;

    LiveHandshake(
            AccessTokens tokens, FacilityAccess access, LiveSocket socket, LiveProperties props, WebProperties web) {
        this.tokens = tokens;
        this.access = access;
        this.socket = socket;
        this.props = props;
        this.allowedOrigins =
                web.allowedOrigins().stream().map(WebProperties::normalise).toList();
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        String origin = request.getHeaders().getOrigin();
        if (origin != null && !originAllowed(origin, request)) {
            return refuse(response, HttpStatus.FORBIDDEN, "pages of this origin may not open the live view");
        }
        Optional<AccessTokens.Verified> caller = token(request).flatMap(tokens::check);
        if (caller.isEmpty()) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return refuse(response, HttpStatus.UNAUTHORIZED, "a valid access token is required");
        }
        UUID user = caller.get().userId();
        Optional<UUID> facility = facilityId(request.getURI());
        Role role;
        try {
            role = access.require(facility.orElseThrow(() -> new ApiException.NotFound("facility")), user, Role.VIEWER);
        } catch (ApiException.NotFound e) {
            return refuse(response, HttpStatus.NOT_FOUND, "facility not found");
        }
        if (socket.sessionsOf(user) >= props.maxSessionsPerUser()) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
            return refuse(
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "at most " + props.maxSessionsPerUser() + " live sessions per account");
        }
        attributes.put(LiveSocket.USER, user);
        attributes.put(LiveSocket.FACILITY, facility.get());
        attributes.put(LiveSocket.EXPIRES, caller.get().expiresAt());
        attributes.put(LiveSocket.ROLE, role);
        return true;
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {}

    /** The same origin, a configured one, or (none configured) the service's own port on loopback. */
    boolean originAllowed(String origin, ServerHttpRequest request) {
        String o = WebProperties.normalise(origin);
        if (o == null) {
            return false; // "null" (sandboxed frames, file: pages) and anything else that is no http(s) origin
        }
        if (allowedOrigins.contains(o) || o.equals(addressedTo(request))) {
            return true;
        }
        if (!allowedOrigins.isEmpty()) {
            return false;
        }
        URI u = URI.create(o);
        int port = u.getPort() != -1 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
        InetSocketAddress local = request.getLocalAddress();
        return LOOPBACK.contains(u.getHost()) && local != null && port == local.getPort();
    }

    /** The origin the request was sent to (scheme, and host and port as its Host header names them). */
    private static String addressedTo(ServerHttpRequest request) {
        URI u = request.getURI();
        return WebProperties.normalise(
                u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort()));
    }

    /** The token after {@code bearer} among the requested subprotocols, or else the Authorization header's. */
    static Optional<String> token(ServerHttpRequest request) {
        List<String> protocols = new ArrayList<>();
        for (String value : request.getHeaders().getOrEmpty("Sec-WebSocket-Protocol")) {
            for (String p : value.split(",")) {
                if (!p.isBlank()) {
                    protocols.add(p.strip());
                }
            }
        }
        int at = protocols.indexOf(LiveSocket.PROTOCOL);
        if (at >= 0) {
            return at + 1 < protocols.size() ? Optional.of(protocols.get(at + 1)) : Optional.empty();
        }
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).strip());
        }
        return Optional.empty();
    }

    static Optional<UUID> facilityId(URI uri) {
        Matcher m = PATH.matcher(uri.getRawPath());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(m.group(1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Refuses the upgrade with a problem document like the REST API's. */
    private static boolean refuse(ServerHttpResponse response, HttpStatus status, String detail) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}";
        try {
            response.getBody().write(body.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            // the status alone still refuses
        }
        return false;
    }
}
