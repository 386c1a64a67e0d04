package systems.rala.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import systems.rala.service.auth.SigningKey;
import systems.rala.service.auth.TokenForge;

/**
 * The API's behaviour and its security properties, run once on the embedded H2 default and once on the real
 * PostgreSQL under the production profile. Two tenants: alice administers facility A (where victor is a viewer
 * and otto an operator); bob administers facility B and is no member of A.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContractTest {

    static final String ROOT_EMAIL = "root@rala.test";
    static final String ROOT_PASSWORD = "root-password-for-tests";
    static final String PASSWORD = "correct horse battery";
    static final Map<String, String> TEST_PROPERTIES = Map.of(
            "rala.bootstrap.admin-email", ROOT_EMAIL,
            "rala.bootstrap.admin-password", ROOT_PASSWORD,
            "rala.auth.bcrypt-strength", "10");

    @Value("${local.server.port}")
    int port;

    @Autowired
    SigningKey signingKey;

    @Autowired
    JdbcClient auditJdbc;

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

    /** Every facility-scoped endpoint, with a body valid for it, for facility {@code f}. */
    List<Object[]> facilityEndpoints(UUID f, UUID member) {
        List<Object[]> endpoints = new ArrayList<>();
        endpoints.add(new Object[] {"GET", "/api/v1/facilities/" + f, null});
        endpoints.add(new Object[] {"PUT", "/api/v1/facilities/" + f, facility("renamed")});
        endpoints.add(new Object[] {"GET", "/api/v1/facilities/" + f + "/members", null});
        endpoints.add(new Object[] {
            "POST", "/api/v1/facilities/" + f + "/members", Map.of("email", "bob@rala.test", "role", "ADMIN")
        });
        endpoints.add(new Object[] {"PUT", "/api/v1/facilities/" + f + "/members/" + member, Map.of("role", "ADMIN")});
        endpoints.add(new Object[] {"DELETE", "/api/v1/facilities/" + f + "/members/" + member, null});
        endpoints.add(new Object[] {"DELETE", "/api/v1/facilities/" + f, null});
        return endpoints;
    }

    long audited(String action, UUID actor) {
        return auditJdbc
                .sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor_id = ?")
                .params(action, actor)
                .query(Long.class)
                .single();
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

    @Test
    void anotherTenantSeesNotFoundOnEveryFacilityEndpointExactlyAsForAMissingFacility() {
        UUID missing = UUID.randomUUID();
        List<Object[]> foreign = facilityEndpoints(facilityA, victorId);
        List<Object[]> absent = facilityEndpoints(missing, victorId);
        for (int i = 0; i < foreign.size(); i++) {
            Object[] e = foreign.get(i);
            Api.Response r = api.call((String) e[0], (String) e[1], bob, e[2]);
            Api.Response none = api.call((String) absent.get(i)[0], (String) absent.get(i)[1], bob, absent.get(i)[2]);
            assertThat(r.status()).as(e[0] + " " + e[1]).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.text("detail")).isEqualTo(none.text("detail"));
            assertThat(r.status()).isEqualTo(none.status());
        }
        assertThat(api.call("GET", "/api/v1/facilities", bob, null).body().findValuesAsString("id"))
                .containsExactly(facilityB.toString());
        // nothing bob tried changed facility A
        Api.Response a = api.call("GET", "/api/v1/facilities/" + facilityA, alice, null);
        assertThat(a.text("name")).isEqualTo("A");
        assertThat(api.call("GET", "/api/v1/facilities/" + facilityA + "/members", alice, null)
                        .body()
                        .findValuesAsString("email"))
                .containsExactlyInAnyOrder("alice@rala.test", "victor@rala.test", "otto@rala.test");
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
            for (Object[] e : facilityEndpoints(facilityA, aliceId)) {
                if (!"GET".equals(e[0])) {
                    Api.Response r = api.call((String) e[0], (String) e[1], token, e[2]);
                    assertThat(r.status()).as(e[0] + " " + e[1]).isEqualTo(403);
                    assertThat(r.contentType()).startsWith("application/problem+json");
                }
            }
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
    void forgedExpiredAndMisaddressedTokensAreRejectedEverywhere() {
        Map<String, String> bad = new TokenForge(signingKey, "rala", "rala-api").badTokens(aliceId);
        List<Object[]> endpoints = new ArrayList<>(facilityEndpoints(facilityA, victorId));
        endpoints.add(new Object[] {"GET", "/api/v1/facilities", null});
        endpoints.add(new Object[] {"POST", "/api/v1/facilities", facility("forged")});
        endpoints.add(new Object[] {"GET", "/api/v1/users/me", null});
        endpoints.add(new Object[] {
            "POST", "/api/v1/users", Map.of("email", "x@rala.test", "displayName", "X", "password", PASSWORD)
        });
        for (Object[] e : endpoints) {
            assertThat(api.call((String) e[0], (String) e[1], null, e[2]).status())
                    .as("no token: " + e[0] + " " + e[1])
                    .isEqualTo(401);
            bad.forEach((name, token) -> {
                Api.Response r = api.call((String) e[0], (String) e[1], token, e[2]);
                assertThat(r.status()).as(name + ": " + e[0] + " " + e[1]).isEqualTo(401);
                assertThat(r.contentType()).startsWith("application/problem+json");
            });
        }
        assertThat(api.call("GET", "/api/v1/facilities/" + facilityA + "/members", alice, null)
                        .body()
                        .findValuesAsString("email"))
                .contains("victor@rala.test");
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
