package systems.rala.service.web;

import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the browser-facing side ({@code rala.web.*}).
 *
 * @param allowedOrigins the web origins ({@code scheme://host[:port]}, no path) whose pages may open the live
 *     WebSocket, e.g. {@code https://dashboard.example.org}. Empty (the default): only the service's own
 *     origins on loopback, {@code http(s)://127.0.0.1|localhost|[::1]:<the port it listens on>}. A page of the
 *     very origin the request was sent to is always allowed.
 */
@ConfigurationProperties("rala.web")
@Validated
public record WebProperties(@DefaultValue List<String> allowedOrigins) {

    private static final Pattern ORIGIN = Pattern.compile("https?://[^/?#@\\s]+");

    @AssertTrue(
            message = "must be origins: scheme://host[:port] with http or https and no path, e.g. https://rala.example")
    public boolean isAllowedOriginsValid() {
        return allowedOrigins == null || allowedOrigins.stream().allMatch(o -> normalise(o) != null);
    }

    /**
     * An origin in one spelling: lower case, without a default port ({@code http://host:80} is {@code
     * http://host}); {@code null} when it is not an http(s) origin.
     */
    public static String normalise(String origin) {
        String o = origin == null ? null : origin.strip().toLowerCase(Locale.ROOT);
        if (o == null || !ORIGIN.matcher(o).matches()) {
            return null;
        }
        try {
            URI u = URI.create(o);
            if (u.getHost() == null || u.getRawPath() != null && !u.getRawPath().isEmpty()) {
                return null;
            }
            int port = u.getPort();
            boolean defaultPort = port == -1
                    || ("http".equals(u.getScheme()) && port == 80)
                    || ("https".equals(u.getScheme()) && port == 443);
            return u.getScheme() + "://" + u.getHost() + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
