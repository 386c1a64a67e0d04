package systems.rala.service.auth;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import systems.rala.service.config.RalaProperties;

/**
 * Stateless bearer-token security: no sessions, no cookies (so no CSRF surface), no form or basic login, and
 * every endpoint but login/refresh/logout needs an access token. The gateways' own API ({@link #GATEWAY_API})
 * takes no user token: its handlers check a gateway's credentials themselves.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** The dashboard's files, served from {@code classpath:/static} (see service/frontend). */
    static final String[] DASHBOARD = {"/", "/index.html", "/assets/**"};

    /**
     * Scripts, styles, requests and the live WebSocket only to and from the service's own origin ({@code 'self'}
     * covers {@code ws:}/{@code wss:} of the same host), no plugins, no framing: the dashboard holds its tokens in
     * the page, so no foreign or inline script may run there.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    /** Paths of the gateways' own API: HTTP Basic with a gateway's credentials, checked by its handlers. */
    static final String GATEWAY_API = "/api/v1/gateway/";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PasswordEncoder passwordEncoder(RalaProperties props) {
        return new PrehashedBCrypt(props.auth().bcryptStrength());
    }

    /** Production must be given a strong key; the embedded default keeps a generated one in the data folder. */
    @Bean
    SigningKey signingKey(RalaProperties props, Environment env) {
        String configured = props.auth().signingKey();
        if (env.matchesProfiles("production") || (configured != null && !configured.isBlank())) {
            return SigningKey.fromConfigured(configured);
        }
        return SigningKey.fromDataDir(props.dataDir());
    }

    @Bean
    AccessTokens accessTokens(SigningKey key, RalaProperties props, Clock clock) {
        return new AccessTokens(key, props.auth(), clock);
    }

    /** Keeps Spring Boot from creating an in-memory user with a generated password: accounts live in the database. */
    @Bean
    AuthenticationManager noPasswordLogin() {
        return authentication -> {
            throw new ProviderNotFoundException("log in through /api/v1/auth/login");
        };
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccessTokens tokens) throws Exception {
        ProblemEntryPoint problems = new ProblemEntryPoint();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .authorizeHttpRequests(a -> a.requestMatchers(
                                HttpMethod.POST, "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout")
                        .permitAll()
                        // an invitee has no account yet (one with an account sends its token)
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/accept-invitation")
                        .permitAll()
                        // the API description, and the management port's probes and metrics (see README)
                        .requestMatchers(HttpMethod.GET, "/api/v1/openapi.json", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                        .permitAll()
                        // gateways download announced policies with their own credentials, checked by the handler
                        .requestMatchers(HttpMethod.GET, GATEWAY_API + "**")
                        .permitAll()
                        // the live WebSocket: browsers send the token as a subprotocol, which the handshake
                        // checks itself (LiveHandshake), along with the origin and the membership
                        .requestMatchers(HttpMethod.GET, "/api/v1/facilities/*/live")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        // the dashboard's page and its bundled assets (built into static/); it signs in itself
                        .requestMatchers(HttpMethod.GET, DASHBOARD)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }
}
