package systems.rala.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import systems.rala.service.facility.Role;
import tools.jackson.databind.JsonNode;

/** API tests of invitations, password change, login rate limits and the audit-log query. */
interface AccountsContract extends ServiceContract {

    /** A fresh e-mail address, so that tests sharing one database never collide. */
    static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@rala.test";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Invites {@code email} to {@code facility} as {@code role}; returns the 201 answer. */
    default Api.Response invite(UUID facility, String adminToken, String email, Role role) {
        Api.Response r = fx().api
                .call(
                        "POST",
                        "/api/v1/facilities/" + facility + "/invitations",
                        adminToken,
                        Map.of("email", email, "role", role.name()));
        assertThat(r.status()).as("invite " + email + ": " + r.body()).isEqualTo(201);
        return r;
    }

    default Api.Response accept(String token, String accessToken, String displayName, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("token", token);
        if (displayName != null) {
            body.put("displayName", displayName);
        }
        if (password != null) {
            body.put("password", password);
        }
        return fx().api.call("POST", "/api/v1/auth/accept-invitation", accessToken, body);
    }

    /** A login as another client: loopback is a trusted proxy in the tests, so X-Forwarded-For is believed. */
    default Http.Result loginFrom(String address, String email, String password) {
        return Http.send(
                fx().port,
                "POST",
                "/api/v1/auth/login",
                null,
                Map.of("email", email, "password", password),
                Map.of("X-Forwarded-For", address));
    }

    static String fieldOf(Api.Response r) {
        return r.body().path("errors").path(0).path("field").asString();
    }

    @EndpointCatalogue
    default List<Endpoint> accountEndpoints(UUID facility, String adminToken) {
        String base = "/api/v1/facilities/" + facility;
        String invitation =
                invite(facility, adminToken, email("catalogued"), Role.VIEWER).text("id");
        return List.of(
                Endpoint.of("POST", base + "/invitations", Map.of("email", email("new"), "role", "VIEWER"), Role.ADMIN),
                Endpoint.of("GET", base + "/invitations", null, Role.ADMIN),
                Endpoint.of("DELETE", base + "/invitations/" + invitation, null, Role.ADMIN),
                Endpoint.of("GET", base + "/audit", null, Role.ADMIN));
    }

    @Test
    default void anInvitationCreatesTheAccountAndTheMembershipOnce() {
        ApiContractTest fx = fx();
        UUID facility = fx.createFacility(fx.alice, "Invitations");
        String email = email("ivy");
        Api.Response issued = invite(facility, fx.alice, email.toUpperCase(Locale.ROOT), Role.OPERATOR);
        String token = issued.text("token");
        // 256 random bits in base64url without padding: ceil(256 / 6) = 43 characters
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(issued.text("email")).isEqualTo(email);
        assertThat(issued.text("status")).isEqualTo("pending");
        // application.yaml: rala.auth.invitation-ttl: 7d
        assertThat(Duration.between(
                        OffsetDateTime.parse(issued.text("createdAt")), OffsetDateTime.parse(issued.text("expiresAt"))))
                .isEqualTo(Duration.ofDays(7));
        // only the digest is stored
        assertThat(fx.auditJdbc
                        .sql("SELECT COUNT(*) FROM invitations WHERE token_hash = ?")
                        .param(sha256(token))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(fx.auditJdbc
                        .sql("SELECT COUNT(*) FROM invitations WHERE token_hash = ?")
                        .param(token)
                        .query(Long.class)
                        .single())
                .isZero();
        // the list shows it, never the token
        Api.Response listed = fx.api.call("GET", "/api/v1/facilities/" + facility + "/invitations", fx.alice, null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().findValuesAsString("email")).containsExactly(email);
        assertThat(listed.raw()).doesNotContain(token);

        // the new account's password must follow the policy, and the name is required
        Api.Response shortPassword = accept(token, null, "Ivy", "too short");
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(fieldOf(shortPassword)).isEqualTo("password");
        Api.Response emailAsPassword = accept(token, null, "Ivy", email);
        assertThat(emailAsPassword.status()).isEqualTo(400);
        assertThat(emailAsPassword.body().path("errors").path(0).path("reason").asString())
                .contains("e-mail");
        Api.Response tooLong = accept(token, null, "Ivy", "x".repeat(129));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(fieldOf(tooLong)).isEqualTo("password");
        Api.Response noName = accept(token, null, null, ApiContractTest.PASSWORD);
        assertThat(noName.status()).isEqualTo(400);
        assertThat(fieldOf(noName)).isEqualTo("displayName");

        Api.Response accepted = accept(token, null, "Ivy", ApiContractTest.PASSWORD);
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(201);
        assertThat(accepted.body().path("accountCreated").asBoolean()).isTrue();
        assertThat(accepted.text("role")).isEqualTo("OPERATOR");
        String ivy = fx.login(email, ApiContractTest.PASSWORD);
        assertThat(fx.api
                        .call("GET", "/api/v1/facilities/" + facility, ivy, null)
                        .text("role"))
                .isEqualTo("OPERATOR");

        // a token works once
        Api.Response again = accept(token, null, "Ivy", ApiContractTest.PASSWORD);
        assertThat(again.status()).isEqualTo(410);
        assertThat(fieldOf(again)).isEqualTo("token");
        assertThat(again.contentType()).startsWith("application/problem+json");
        JsonNode after = fx.api
                .call("GET", "/api/v1/facilities/" + facility + "/invitations", fx.alice, null)
                .body()
                .get(0);
        assertThat(after.path("status").asString()).isEqualTo("accepted");
        // an accepted invitation is not revoked: the member is removed instead
        Api.Response revokeAccepted = fx.api.call(
                "DELETE", "/api/v1/facilities/" + facility + "/invitations/" + issued.text("id"), fx.alice, null);
        assertThat(revokeAccepted.status()).isEqualTo(409);
        UUID ivyId = UUID.fromString(accepted.text("userId"));
        assertThat(fx.audited("invitation.created", fx.aliceId)).isPositive();
        assertThat(fx.audited("invitation.accepted", ivyId)).isEqualTo(1);
        // an e-mail that is a member already is not invited again
        Api.Response member = fx.api.call(
                "POST",
                "/api/v1/facilities/" + facility + "/invitations",
                fx.alice,
                Map.of("email", email, "role", "VIEWER"));
        assertThat(member.status()).isEqualTo(409);
        assertThat(fieldOf(member)).isEqualTo("email");
    }

    @Test
    default void revokedExpiredReplacedAndUnknownTokensAreRefusedByName() {
        ApiContractTest fx = fx();
        UUID facility = fx.createFacility(fx.alice, "Refused invitations");
        String base = "/api/v1/facilities/" + facility + "/invitations/";

        Api.Response revoked = invite(facility, fx.alice, email("rev"), Role.VIEWER);
        assertThat(fx.api
                        .call("DELETE", base + revoked.text("id"), fx.alice, null)
                        .status())
                .isEqualTo(204);
        // revoking twice changes nothing
        assertThat(fx.api
                        .call("DELETE", base + revoked.text("id"), fx.alice, null)
                        .status())
                .isEqualTo(204);
        Api.Response r1 = accept(revoked.text("token"), null, "R", ApiContractTest.PASSWORD);
        assertThat(r1.status()).isEqualTo(410);
        assertThat(fieldOf(r1)).isEqualTo("token");
        assertThat(r1.body().path("errors").path(0).path("reason").asString()).contains("revoked");
        assertThat(fx.audited("invitation.revoked", fx.aliceId)).isPositive();

        Api.Response expired = invite(facility, fx.alice, email("exp"), Role.VIEWER);
        fx.auditJdbc
                .sql("UPDATE invitations SET expires_at = ? WHERE id = ?")
                .params(OffsetDateTime.now().minusMinutes(1), UUID.fromString(expired.text("id")))
                .update();
        Api.Response r2 = accept(expired.text("token"), null, "E", ApiContractTest.PASSWORD);
        assertThat(r2.status()).isEqualTo(410);
        assertThat(r2.body().path("errors").path(0).path("reason").asString()).contains("expired");

        // inviting an address again replaces its open invitation
        String twice = email("twice");
        Api.Response first = invite(facility, fx.alice, twice, Role.VIEWER);
        Api.Response second = invite(facility, fx.alice, twice, Role.ADMIN);
        assertThat(accept(first.text("token"), null, "T", ApiContractTest.PASSWORD)
                        .status())
                .isEqualTo(410);
        Api.Response viaSecond = accept(second.text("token"), null, "T", ApiContractTest.PASSWORD);
        assertThat(viaSecond.status()).isEqualTo(201);
        assertThat(viaSecond.text("role")).isEqualTo("ADMIN");

        Api.Response unknown = accept("A".repeat(43), null, "U", ApiContractTest.PASSWORD);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fieldOf(unknown)).isEqualTo("token");
        Api.Response missingInvitation = fx.api.call("DELETE", base + UUID.randomUUID(), fx.alice, null);
        assertThat(missingInvitation.status()).isEqualTo(404);
        // invitations of one facility are not reachable through another the caller administers
        UUID other = fx.createFacility(fx.alice, "Other");
        assertThat(fx.api
                        .call(
                                "DELETE",
                                "/api/v1/facilities/" + other + "/invitations/" + first.text("id"),
                                fx.alice,
                                null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    default void anExistingAccountLogsInAndAcceptsWithItsOwnToken() {
        ApiContractTest fx = fx();
        UUID facility = fx.createFacility(fx.alice, "Existing accounts");
        String email = email("kim");
        UUID kimId = fx.createUser(email);
        String token = invite(facility, fx.alice, email, Role.VIEWER).text("token");

        Api.Response anonymous = accept(token, null, "Kim again", ApiContractTest.PASSWORD);
        assertThat(anonymous.status()).isEqualTo(409);
        assertThat(fieldOf(anonymous)).isEqualTo("token");
        assertThat(anonymous.body().path("errors").path(0).path("reason").asString())
                .contains("log in");
        // someone else's account cannot take it
        Api.Response otherAccount = accept(token, fx.bob, null, null);
        assertThat(otherAccount.status()).isEqualTo(409);

        String kim = fx.login(email, ApiContractTest.PASSWORD);
        Api.Response accepted = accept(token, kim, null, null);
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.body().path("accountCreated").asBoolean()).isFalse();
        assertThat(accepted.text("userId")).isEqualTo(kimId.toString());
        assertThat(fx.api.call("GET", "/api/v1/facilities", kim, null).body().findValuesAsString("id"))
                .containsExactly(facility.toString());
        // the account's password did not change
        assertThat(fx.loginResponse(email).status()).isEqualTo(200);
    }

    @Test
    default void aPasswordChangeEndsEverySessionAndCountsEveryCharacter() {
        ApiContractTest fx = fx();
        String email = email("pat");
        fx.createUser(email);
        Api.Response one = fx.loginResponse(email);
        Api.Response two = fx.loginResponse(email);
        String access = one.text("accessToken");

        Api.Response wrong = fx.api.call(
                "POST",
                "/api/v1/auth/password",
                access,
                Map.of("currentPassword", "not the password", "newPassword", "a brand new password"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(fieldOf(wrong)).isEqualTo("currentPassword");
        Api.Response weak = fx.api.call(
                "POST",
                "/api/v1/auth/password",
                access,
                Map.of("currentPassword", ApiContractTest.PASSWORD, "newPassword", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(fieldOf(weak)).isEqualTo("newPassword");
        Api.Response tooLong = fx.api.call(
                "POST",
                "/api/v1/auth/password",
                access,
                Map.of("currentPassword", ApiContractTest.PASSWORD, "newPassword", "y".repeat(129)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(fieldOf(tooLong)).isEqualTo("newPassword");
        assertThat(fx.api.call("POST", "/api/v1/auth/password", null, Map.of()).status())
                .isEqualTo(401);

        // 100 characters, beyond BCrypt's 72 bytes: the last one must still count
        String longPassword = "x".repeat(99) + "a";
        Api.Response changed = fx.api.call(
                "POST",
                "/api/v1/auth/password",
                access,
                Map.of("currentPassword", ApiContractTest.PASSWORD, "newPassword", longPassword));
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.text("accessToken")).isNotBlank();
        // every earlier session is over; the pair just returned lives
        for (Api.Response session : List.of(one, two)) {
            assertThat(fx.api
                            .call(
                                    "POST",
                                    "/api/v1/auth/refresh",
                                    null,
                                    Map.of("refreshToken", session.text("refreshToken")))
                            .status())
                    .isEqualTo(401);
        }
        assertThat(fx.api
                        .call(
                                "POST",
                                "/api/v1/auth/refresh",
                                null,
                                Map.of("refreshToken", changed.text("refreshToken")))
                        .status())
                .isEqualTo(200);
        assertThat(fx.loginResponse(email).status()).isEqualTo(401);
        assertThat(fx.api
                        .call(
                                "POST",
                                "/api/v1/auth/login",
                                null,
                                Map.of("email", email, "password", "x".repeat(99) + "b"))
                        .status())
                .isEqualTo(401);
        Api.Response withNew =
                fx.api.call("POST", "/api/v1/auth/login", null, Map.of("email", email, "password", longPassword));
        assertThat(withNew.status()).isEqualTo(200);
        UUID patId = UUID.fromString(fx.api
                .call("GET", "/api/v1/users/me", withNew.text("accessToken"), null)
                .text("id"));
        assertThat(fx.audited("password.changed", patId)).isEqualTo(1);
        assertThat(fx.audited("password.change-failed", patId)).isEqualTo(1);
        assertThat(fx.auditJdbc
                        .sql("SELECT password_changed_at FROM users WHERE id = ?")
                        .param(patId)
                        .query(OffsetDateTime.class)
                        .single())
                .isNotNull();
    }

    /**
     * application.yaml: 5 failed attempts per account, refilled at 5 per 15 minutes, so one attempt returns
     * every 180 s. X-Forwarded-For keeps these attempts out of 127.0.0.1's bucket.
     */
    @Test
    default void failedLoginsAreLimitedPerAccountWhateverTheAddress() {
        ApiContractTest fx = fx();
        String email = email("lee");
        UUID leeId = fx.createUser(email);
        String address = "198.51.100.7";
        for (int i = 0; i < 5; i++) {
            assertThat(loginFrom(address, email, "wrong password " + i).status())
                    .as("attempt " + (i + 1))
                    .isEqualTo(401);
        }
        Http.Result limited = loginFrom(address, email, ApiContractTest.PASSWORD);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(170L, 180L);
        // the account's limit holds from any address
        assertThat(loginFrom("203.0.113.9", email, ApiContractTest.PASSWORD).status())
                .isEqualTo(429);
        // the address may still log into other accounts
        assertThat(loginFrom(address, "victor@rala.test", ApiContractTest.PASSWORD)
                        .status())
                .isEqualTo(200);

        List<Map<String, Object>> rows = new ArrayList<>(fx.auditJdbc
                .sql("SELECT action, outcome, client_address FROM audit_log WHERE actor_id = ? AND action LIKE 'login%'"
                        + " ORDER BY at")
                .param(leeId)
                .query()
                .listOfRows());
        assertThat(rows).hasSize(7);
        assertThat(rows.subList(0, 5))
                .allSatisfy(r -> assertThat(r)
                        .containsEntry("action", "login.failed")
                        .containsEntry("outcome", "failed")
                        .containsEntry("client_address", address));
        assertThat(rows.get(5))
                .containsEntry("action", "login.rate-limited")
                .containsEntry("outcome", "denied")
                .containsEntry("client_address", address);
        assertThat(rows.get(6)).containsEntry("client_address", "203.0.113.9");
    }

    @Test
    default void aFacilityAdminReadsItsAuditLogNewestFirst() {
        ApiContractTest fx = fx();
        UUID facility = fx.createFacility(fx.alice, "Audited");
        String base = "/api/v1/facilities/" + facility;
        fx.api.call("PUT", base, fx.alice, ApiContractTest.facility("Audited, renamed"));
        String invited = invite(facility, fx.alice, email("aud"), Role.VIEWER).text("id");
        fx.api.call("DELETE", base + "/invitations/" + invited, fx.alice, null);

        Api.Response all = fx.api.call("GET", base + "/audit", fx.alice, null);
        assertThat(all.status()).isEqualTo(200);
        JsonNode items = all.body().path("items");
        assertThat(all.body().path("total").asLong()).isEqualTo(4);
        List<String> actions = new ArrayList<>();
        items.forEach(i -> actions.add(i.path("action").asString()));
        assertThat(actions)
                .containsExactly("invitation.revoked", "invitation.created", "facility.updated", "facility.created");
        JsonNode newest = items.get(0);
        assertThat(newest.path("actor").path("id").asString()).isEqualTo(fx.aliceId.toString());
        assertThat(newest.path("actor").path("email").asString()).isEqualTo("alice@rala.test");
        assertThat(newest.path("facilityId").asString()).isEqualTo(facility.toString());
        assertThat(newest.path("outcome").asString()).isEqualTo("success");
        assertThat(newest.path("clientAddress").asString()).isEqualTo("127.0.0.1");
        for (int i = 1; i < items.size(); i++) {
            assertThat(OffsetDateTime.parse(items.get(i - 1).path("at").asString()))
                    .isAfterOrEqualTo(
                            OffsetDateTime.parse(items.get(i).path("at").asString()));
        }

        // filters: action, a time window, pages
        Api.Response created = fx.api.call("GET", base + "/audit?action=invitation.created", fx.alice, null);
        assertThat(created.body().path("items").findValuesAsString("action")).containsExactly("invitation.created");
        String createdAt = items.get(3).path("at").asString();
        Api.Response before = fx.api.call(
                "GET", base + "/audit?to=" + URLEncoder.encode(createdAt, StandardCharsets.UTF_8), fx.alice, null);
        assertThat(before.body().path("total").asLong()).isZero();
        Api.Response fromCreation = fx.api.call(
                "GET", base + "/audit?from=" + URLEncoder.encode(createdAt, StandardCharsets.UTF_8), fx.alice, null);
        assertThat(fromCreation.body().path("total").asLong()).isEqualTo(4);
        Api.Response page1 = fx.api.call("GET", base + "/audit?size=3&page=1", fx.alice, null);
        assertThat(page1.body().path("items").findValuesAsString("action")).containsExactly("facility.created");
        assertThat(page1.body().path("total").asLong()).isEqualTo(4);

        for (String[] bad : new String[][] {
            {"from=yesterday", "from"},
            {"to=2026-13-01T00:00:00Z", "to"},
            {"size=0", "size"},
            {"size=201", "size"},
            {"page=-1", "page"},
            {"page=first", "page"},
            {"from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to"}
        }) {
            Api.Response r = fx.api.call("GET", base + "/audit?" + bad[0], fx.alice, null);
            assertThat(r.status()).as(bad[0]).isEqualTo(400);
            assertThat(fieldOf(r)).as(bad[0]).isEqualTo(bad[1]);
        }
        // other facilities' entries are not there
        assertThat(fx.api
                        .call("GET", base + "/audit?size=200", fx.alice, null)
                        .body()
                        .path("items")
                        .findValuesAsString("facilityId"))
                .containsOnly(facility.toString());
    }

    @Test
    default void onlySystemAdministratorsReadTheWholeAuditLogAndListAccounts() {
        ApiContractTest fx = fx();
        assertThat(fx.api.call("GET", "/api/v1/audit", fx.alice, null).status()).isEqualTo(403);
        assertThat(fx.api.call("GET", "/api/v1/users", fx.alice, null).status()).isEqualTo(403);
        assertThat(fx.api.call("GET", "/api/v1/audit", null, null).status()).isEqualTo(401);
        assertThat(fx.api.call("GET", "/api/v1/users", null, null).status()).isEqualTo(401);

        fx.api.call("POST", "/api/v1/auth/login", null, Map.of("email", "alice@rala.test", "password", "not hers!"));
        Api.Response failed =
                fx.api.call("GET", "/api/v1/audit?action=login.failed&actor=" + fx.aliceId + "&size=1", fx.root, null);
        assertThat(failed.status()).isEqualTo(200);
        JsonNode entry = failed.body().path("items").get(0);
        assertThat(entry.path("outcome").asString()).isEqualTo("failed");
        assertThat(entry.path("actor").path("email").asString()).isEqualTo("alice@rala.test");
        assertThat(entry.path("detail").asString()).doesNotContain("not hers");
        Api.Response ofA = fx.api.call("GET", "/api/v1/audit?facility=" + fx.facilityA + "&size=200", fx.root, null);
        assertThat(ofA.body().path("items").findValuesAsString("facilityId")).containsOnly(fx.facilityA.toString());
        assertThat(ofA.body().path("items").findValuesAsString("action")).contains("facility.created");

        Api.Response users = fx.api.call("GET", "/api/v1/users?size=200", fx.root, null);
        assertThat(users.status()).isEqualTo(200);
        List<String> emails = users.body().path("items").findValuesAsString("email");
        assertThat(emails).contains(ApiContractTest.ROOT_EMAIL, "alice@rala.test", "bob@rala.test");
        assertThat(emails).isSorted();
        assertThat(users.body().path("total").asLong()).isEqualTo(emails.size());
        assertThat(users.raw()).doesNotContain("password").doesNotContain("$2a$");
        Api.Response second = fx.api.call("GET", "/api/v1/users?size=1&page=1", fx.root, null);
        assertThat(second.body().path("items").findValuesAsString("email")).containsExactly(emails.get(1));
        Api.Response tooBig = fx.api.call("GET", "/api/v1/users?size=201", fx.root, null);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(fieldOf(tooBig)).isEqualTo("size");
    }
}
