package systems.rala.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import systems.rala.service.auth.SigningKey;
import systems.rala.service.auth.TokenForge;
import systems.rala.service.facility.Role;
import systems.rala.service.mqtt.ServiceMqttClient;

/**
 * The API's behaviour and its security properties, run once on the embedded H2 default and once on the real
 * PostgreSQL under the production profile. Two tenants: alice administers facility A (where victor is a viewer
 * and otto an operator); bob administers facility B and is no member of A.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContractTest
        implements ResourcesContract,
                PoliciesContract,
                AccountsContract,
                OperationsContract,
                IngestionContract,
                ControlsContract,
                DecisionsContract,
                LiveContract {

    static final String ROOT_EMAIL = "root@rala.test";
    static final String ROOT_PASSWORD = "root-password-for-tests";
    static final String PASSWORD = "correct horse battery";
    static final Map<String, String> TEST_PROPERTIES = Map.ofEntries(
            Map.entry("rala.bootstrap.admin-email", ROOT_EMAIL),
            Map.entry("rala.bootstrap.admin-password", ROOT_PASSWORD),
            Map.entry("rala.auth.bcrypt-strength", "10"),
            // a client id of its own and no session left behind on a shared broker
            Map.entry(
                    "rala.mqtt.client-id",
                    "rala-test-" + UUID.randomUUID().toString().substring(0, 8)),
            Map.entry("rala.mqtt.persistent-session", "false"),
            Map.entry("rala.mqtt.port", "0"),
            // every feature's tests log in from 127.0.0.1: its login bucket must outlast them all
            Map.entry("rala.auth.login-limit.per-address.attempts", "1000"),
            // so that tests can speak for other clients through X-Forwarded-For
            Map.entry("rala.auth.trusted-proxies", "127.0.0.1"),
            Map.entry("management.server.port", "0"),
            // time-outs of commands and rollouts within a test's patience (ControlsContract)
            Map.entry("rala.controls.ack-grace", "1s"),
            Map.entry("rala.controls.rollout-timeout", "10s"),
            Map.entry("rala.controls.sweep-interval", "200ms"));

    @Value("${local.server.port}")
    int port;

    @Autowired
    SigningKey signingKey;

    @Autowired
    JdbcClient auditJdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    ServiceMqttClient mqtt;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    Api api;
    String root;
    String alice;
    String bob;
    String victor;
    String otto;
    UUID aliceId;
    UUID victorId;
    UUID ottoId;
    UUID facilityA;
    UUID facilityB;

    @BeforeAll
    void tenants() {
        api = new Api(port);
        root = login(ROOT_EMAIL, ROOT_PASSWORD);
        aliceId = createUser("alice@rala.test");
        createUser("bob@rala.test");
        victorId = createUser("victor@rala.test");
        ottoId = createUser("otto@rala.test");
        alice = login("alice@rala.test", PASSWORD);
        bob = login("bob@rala.test", PASSWORD);
        victor = login("victor@rala.test", PASSWORD);
        otto = login("otto@rala.test", PASSWORD);
        facilityA = createFacility(alice, "A");
        facilityB = createFacility(bob, "B");
        assertThat(api.call(
                                "POST",
                                "/api/v1/facilities/" + facilityA + "/members",
                                alice,
                                Map.of("email", "victor@rala.test", "role", "VIEWER"))
                        .status())
                .isEqualTo(201);
        assertThat(api.call(
                                "POST",
                                "/api/v1/facilities/" + facilityA + "/members",
                                alice,
                                Map.of("email", "otto@rala.test", "role", "OPERATOR"))
                        .status())
                .isEqualTo(201);
    }

    String login(String email, String password) {
        Api.Response r = api.call("POST", "/api/v1/auth/login", null, Map.of("email", email, "password", password));
        assertThat(r.status()).as("login " + email + ": " + r.body()).isEqualTo(200);
        return r.text("accessToken");
    }

    Api.Response loginResponse(String email) {
        return api.call("POST", "/api/v1/auth/login", null, Map.of("email", email, "password", PASSWORD));
    }

    UUID createUser(String email) {
        Api.Response r = api.call(
                "POST", "/api/v1/users", root, Map.of("email", email, "displayName", email, "password", PASSWORD));
        assertThat(r.status()).as("create " + email + ": " + r.body()).isEqualTo(201);
        return UUID.fromString(r.text("id"));
    }

    UUID createFacility(String token, String name) {
        Api.Response r = api.call("POST", "/api/v1/facilities", token, facility(name));
        assertThat(r.status()).isEqualTo(201);
        return UUID.fromString(r.text("id"));
    }

    static Map<String, Object> facility(String name) {
        return Map.of(
                "name",
                name,
                "location",
                "Westland, NL",
                "latitude",
                52.0,
                "longitude",
                4.2,
                "areaM2",
                10000,
                "crop",
                "tomato");
    }

    /** The facility endpoints themselves, for facility {@code f}; members are listed for {@code victorId}. */
    @EndpointCatalogue
    public List<Endpoint> facilityEndpoints(UUID f, String adminToken) {
        String base = "/api/v1/facilities/" + f;
        return List.of(
                Endpoint.of("GET", base, null, Role.VIEWER),
                Endpoint.of("PUT", base, facility("renamed"), Role.ADMIN),
                Endpoint.of("GET", base + "/members", null, Role.VIEWER),
                Endpoint.of("POST", base + "/members", Map.of("email", "bob@rala.test", "role", "ADMIN"), Role.ADMIN),
                Endpoint.of("PUT", base + "/members/" + victorId, Map.of("role", "ADMIN"), Role.ADMIN),
                Endpoint.of("DELETE", base + "/members/" + victorId, null, Role.ADMIN),
                Endpoint.of("DELETE", base, null, Role.ADMIN));
    }

    /** Every catalogued facility-scoped endpoint of every feature, for facility A. */
    List<Endpoint> catalogue() {
        List<Endpoint> all = new ArrayList<>();
        for (Method m : getClass().getMethods()) {
            if (m.isAnnotationPresent(EndpointCatalogue.class)) {
                try {
                    @SuppressWarnings("unchecked")
                    List<Endpoint> listed = (List<Endpoint>) m.invoke(this, facilityA, alice);
                    all.addAll(listed);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("catalogue " + m.getName(), e);
                }
            }
        }
        return all;
    }

    long audited(String action, UUID actor) {
        return auditJdbc
                .sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor_id = ?")
                .params(action, actor)
                .query(Long.class)
                .single();
    }

    @Test
    void theServiceConnectsToItsBroker() throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!mqtt.isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(mqtt.isConnected()).as("connected to " + mqtt.url()).isTrue();
        assertThat(mqtt.url()).startsWith("tcp://127.0.0.1:");
    }

    @Test
    void loginRejectsWrongPasswordAndUnknownAccountAlike() {
        Api.Response wrong = api.call(
                "POST", "/api/v1/auth/login", null, Map.of("email", "alice@rala.test", "password", "wrong password!"));
        Api.Response unknown =
                api.call("POST", "/api/v1/auth/login", null, Map.of("email", "nobody@rala.test", "password", PASSWORD));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        // recorded although the request failed; never the password
        assertThat(audited("login.failed", aliceId)).isPositive();
        assertThat(auditJdbc
                        .sql("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%wrong password%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * Every facility-scoped endpoint against every caller that must be refused: no token and each kind of bad
     * token (401), another tenant (404, exactly as for a facility that does not exist), a viewer on operator
     * and admin endpoints and an operator on admin endpoints (403). Fails when a facility-scoped handler of
     * the application is missing from the catalogue, so a new endpoint cannot escape the matrix. Writes the
     * matrix to {@code target/security-matrix-<database>.md}.
     */
    @Test
    void securityMatrix() throws IOException {
        List<Endpoint> endpoints = catalogue();
        assertThat(uncatalogued(endpoints))
                .as("facility-scoped handlers missing from the catalogue")
                .isEmpty();
        Map<String, String> bad = new TokenForge(signingKey, "rala", "rala-api").badTokens(aliceId);
        UUID missing = UUID.randomUUID();
        StringBuilder report = new StringBuilder("| endpoint | least role | refusal cases |\n|---|---|---|\n");
        int cases = 0;
        for (Endpoint e : endpoints) {
            int before = cases;
            cases += refused(e, null, 401, "no token");
            for (Map.Entry<String, String> token : bad.entrySet()) {
                cases += refused(e, token.getValue(), 401, token.getKey());
            }
            Api.Response foreign = api.call(e.method(), e.path(), bob, e.body());
            Api.Response absent =
                    api.call(e.method(), e.path().replace(facilityA.toString(), missing.toString()), bob, e.body());
            assertThat(foreign.status()).as("another tenant: " + e).isEqualTo(404);
            assertThat(foreign.contentType()).as("another tenant: " + e).startsWith("application/problem+json");
            assertThat(foreign.raw())
                    .as("another tenant sees what a missing facility shows: " + e)
                    .isEqualTo(absent.raw().replace(missing.toString(), facilityA.toString()));
            cases += 2;
            if (e.needed() != Role.VIEWER) {
                cases += refused(e, victor, 403, "viewer");
            }
            if (e.needed() == Role.ADMIN) {
                cases += refused(e, otto, 403, "operator");
            }
            report.append("| `")
                    .append(e.method())
                    .append(' ')
                    .append(e.path().replace(facilityA.toString(), "{id}"))
                    .append("` | ")
                    .append(e.needed())
                    .append(" | ")
                    .append(cases - before)
                    .append(" |\n");
        }
        report.append('\n')
                .append(endpoints.size())
                .append(" facility-scoped endpoints, ")
                .append(cases)
                .append(" refusal cases\n");
        Path out = Path.of("target", "security-matrix-" + database() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.printf("security matrix (%s): %d endpoints, %d cases%n", database(), endpoints.size(), cases);
        // nothing the refused callers sent changed facility A
        assertThat(api.call("GET", "/api/v1/facilities/" + facilityA, alice, null)
                        .text("name"))
                .isEqualTo("A");
        assertThat(api.call("GET", "/api/v1/facilities/" + facilityA + "/members", alice, null)
                        .body()
                        .findValuesAsString("email"))
                .contains("alice@rala.test", "victor@rala.test", "otto@rala.test")
                .doesNotContain("bob@rala.test");
        assertThat(api.call("GET", "/api/v1/facilities", bob, null).body().findValuesAsString("id"))
                .doesNotContain(facilityA.toString());
    }

    private int refused(Endpoint e, String token, int status, String caller) {
        Api.Response r = api.call(e.method(), e.path(), token, e.body());
        assertThat(r.status()).as(caller + ": " + e).isEqualTo(status);
        assertThat(r.contentType()).as(caller + ": " + e).startsWith("application/problem+json");
        return 1;
    }

    /** "METHOD pattern" of every handler under /api/v1/facilities/{id} that no catalogued endpoint matches. */
    private List<String> uncatalogued(List<Endpoint> endpoints) {
        List<String> missing = new ArrayList<>();
        handlers.getHandlerMethods().keySet().forEach(info -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/facilities/{")) {
                    continue;
                }
                PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    boolean listed = endpoints.stream()
                            .anyMatch(e -> e.method().equals(method.name())
                                    && parsed.matches(PathContainer.parsePath(
                                            URI.create(e.path()).getPath())));
                    if (!listed) {
                        missing.add(method + " " + pattern);
                    }
                }
            }
        });
        return missing;
    }

    /** "h2" or "postgresql", for reports. */
    String database() {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void accountEndpointsRefuseBadTokens() {
        Map<String, String> bad = new TokenForge(signingKey, "rala", "rala-api").badTokens(aliceId);
        List<Endpoint> endpoints = List.of(
                Endpoint.of("GET", "/api/v1/facilities", null, Role.VIEWER),
                Endpoint.of("POST", "/api/v1/facilities", facility("forged"), Role.VIEWER),
                Endpoint.of("GET", "/api/v1/users/me", null, Role.VIEWER),
                Endpoint.of(
                        "POST",
                        "/api/v1/users",
                        Map.of("email", "x@rala.test", "displayName", "X", "password", PASSWORD),
                        Role.ADMIN));
        for (Endpoint e : endpoints) {
            refused(e, null, 401, "no token");
            bad.forEach((name, token) -> refused(e, token, 401, name));
        }
    }

    @Test
    void viewersAndOperatorsReadButCannotAdminister() {
        for (String token : List.of(victor, otto)) {
            assertThat(api.call("GET", "/api/v1/facilities/" + facilityA, token, null)
                            .status())
                    .isEqualTo(200);
            assertThat(api.call("GET", "/api/v1/facilities/" + facilityA + "/members", token, null)
                            .status())
                    .isEqualTo(200);
        }
        assertThat(api.call("GET", "/api/v1/facilities/" + facilityA, victor, null)
                        .text("role"))
                .isEqualTo("VIEWER");
        // only system administrators create accounts
        assertThat(api.call(
                                "POST",
                                "/api/v1/users",
                                alice,
                                Map.of("email", "eve@rala.test", "displayName", "Eve", "password", PASSWORD))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void refreshTokensRotateAndAReplayRevokesTheFamily() {
        Api.Response first = loginResponse("otto@rala.test");
        String r1 = first.text("refreshToken");
        Api.Response second = api.call("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", r1));
        assertThat(second.status()).isEqualTo(200);
        String r2 = second.text("refreshToken");
        assertThat(r2).isNotEqualTo(r1);
        assertThat(api.call("GET", "/api/v1/users/me", second.text("accessToken"), null)
                        .text("email"))
                .isEqualTo("otto@rala.test");
        // r1 replayed (stolen?): refused, and the family, r2 included, is revoked
        assertThat(api.call("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", r1))
                        .status())
                .isEqualTo(401);
        assertThat(api.call("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", r2))
                        .status())
                .isEqualTo(401);
        // other sessions of the same user are other families and live on
        String other = loginResponse("otto@rala.test").text("refreshToken");
        assertThat(api.call("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", other))
                        .status())
                .isEqualTo(200);
        assertThat(api.call("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", "made-up"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void logoutRevokesTheSession() {
        String refresh = loginResponse("victor@rala.test").text("refreshToken");
        assertThat(api.call("POST", "/api/v1/auth/logout", null, Map.of("refreshToken", refresh))
                        .status())
                .isEqualTo(204);
        assertThat(api.call("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", refresh))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void facilityLifecycleAndMembership() {
        UUID f = createFacility(alice, "Lifecycle");
        Api.Response updated = api.call("PUT", "/api/v1/facilities/" + f, alice, facility("Lifecycle 2"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("name")).isEqualTo("Lifecycle 2");
        assertThat(api.call(
                                "POST",
                                "/api/v1/facilities/" + f + "/members",
                                alice,
                                Map.of("email", "bob@rala.test", "role", "VIEWER"))
                        .status())
                .isEqualTo(201);
        assertThat(api.call("GET", "/api/v1/facilities/" + f, bob, null).text("role"))
                .isEqualTo("VIEWER");
        Api.Response again = api.call(
                "POST",
                "/api/v1/facilities/" + f + "/members",
                alice,
                Map.of("email", "bob@rala.test", "role", "VIEWER"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("errors").get(0).path("field").asString()).isEqualTo("email");
        // the last admin can neither leave nor step down
        Api.Response leave = api.call("DELETE", "/api/v1/facilities/" + f + "/members/" + aliceId, alice, null);
        assertThat(leave.status()).isEqualTo(409);
        assertThat(api.call("DELETE", "/api/v1/facilities/" + f, alice, null).status())
                .isEqualTo(204);
        assertThat(api.call("GET", "/api/v1/facilities/" + f, alice, null).status())
                .isEqualTo(404);
        assertThat(api.call("GET", "/api/v1/facilities/" + f, bob, null).status())
                .isEqualTo(404);
    }

    @Test
    void invalidBodiesNameEachFieldAndReason() {
        Api.Response r = api.call(
                "POST", "/api/v1/facilities", alice, Map.of("name", "", "areaM2", -5, "latitude", 91, "crop", "x"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().path("errors").findValuesAsString("field"))
                .containsExactly("areaM2", "latitude", "location", "name");
        assertThat(r.body().path("errors").findValuesAsString("reason"))
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
        Api.Response shortPassword = api.call(
                "POST",
                "/api/v1/users",
                root,
                Map.of("email", "new@rala.test", "displayName", "N", "password", "short"));
        assertThat(shortPassword.body().path("errors").get(0).path("field").asString())
                .isEqualTo("password");
        Api.Response duplicate = api.call(
                "POST",
                "/api/v1/users",
                root,
                Map.of("email", "ALICE@rala.test", "displayName", "A", "password", PASSWORD));
        assertThat(duplicate.status()).isEqualTo(409);
    }
}
