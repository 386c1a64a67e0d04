package systems.rala.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** API tests of health, metrics, structured logs and the OpenAPI document. */
@ExtendWith(OutputCaptureExtension.class)
interface OperationsContract extends ServiceContract {

    /** One sample of a Prometheus text exposition: {@code name{labels} value}; 0 when absent. */
    static double sample(String exposition, String name, Map<String, String> labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(exposition);
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            if (labels.entrySet().stream().allMatch(l -> found.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    private Http.Result management(int port, String path, String token) {
        return Http.send(port, "GET", path, token, null, Map.of());
    }

    @Test
    default void healthProbesAnswerAnyoneWithoutDetailsOnTheManagementPort(
            @Value("${local.management.port}") int managementPort) {
        assertThat(managementPort).isNotEqualTo(fx().port);
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            Http.Result r = management(managementPort, probe, null);
            assertThat(r.status()).as(probe).isEqualTo(200);
            assertThat(r.json().path("status").asString()).as(probe).isEqualTo("UP");
            // the status (and the names of the probe groups), never components or details, to anyone
            List<String> fields = new ArrayList<>();
            r.json().propertyNames().forEach(fields::add);
            assertThat(fields).as(probe).contains("status").isSubsetOf("status", "groups");
        }
        assertThat(management(managementPort, "/actuator/health", fx().alice)
                        .json()
                        .has("components"))
                .isFalse();
        // the same bearer-token filter guards the management port: a bad token is refused, not ignored
        assertThat(management(managementPort, "/actuator/health", "not-a-token").status())
                .isEqualTo(401);
        // only health and prometheus are exposed
        assertThat(management(managementPort, "/actuator/env", fx().root).status())
                .isEqualTo(404);
        // the API port serves neither
        assertThat(Http.send(fx().port, "GET", "/actuator/health", null, null, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(Http.send(fx().port, "GET", "/actuator/prometheus", null, null, Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    default void prometheusCountsLoginsAuditEventsAndFacilities(@Value("${local.management.port}") int managementPort) {
        String before = management(managementPort, "/actuator/prometheus", null).raw();
        fx().api
                .call(
                        "POST",
                        "/api/v1/auth/login",
                        null,
                        Map.of("email", "otto@rala.test", "password", "not otto's password"));
        Http.Result scrape = management(managementPort, "/actuator/prometheus", null);
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type")).startsWith("text/plain");
        String after = scrape.raw();
        Map<String, String> failed = Map.of("outcome", "failed");
        assertThat(sample(after, "rala_logins_total", failed) - sample(before, "rala_logins_total", failed))
                .isEqualTo(1.0);
        Map<String, String> audited = Map.of("action", "login.failed", "outcome", "failed");
        assertThat(sample(after, "rala_audit_events_total", audited)
                        - sample(before, "rala_audit_events_total", audited))
                .isEqualTo(1.0);
        assertThat(after).contains("rala_login_rate_limited_total{limit=\"account\"}");
        assertThat(after).contains("rala_login_rate_limited_total{limit=\"address\"}");
        long facilities = fx().auditJdbc
                .sql("SELECT COUNT(*) FROM facilities")
                .query(Long.class)
                .single();
        assertThat(sample(after, "rala_facilities", Map.of())).isEqualTo((double) facilities);
        assertThat(facilities).isPositive();
    }

    @Test
    default void theOpenApiDocumentListsTheFacilityPathsAndTheBearerScheme() {
        Api.Response r = fx().api.call("GET", "/api/v1/openapi.json", null, null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = r.body();
        assertThat(doc.path("openapi").asString()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        doc.path("paths").propertyNames().forEach(paths::add);
        assertThat(paths)
                .contains(
                        "/api/v1/facilities",
                        "/api/v1/facilities/{id}",
                        "/api/v1/facilities/{id}/members",
                        "/api/v1/facilities/{id}/invitations",
                        "/api/v1/facilities/{id}/audit",
                        "/api/v1/auth/login",
                        "/api/v1/auth/accept-invitation");
        assertThat(paths).noneMatch(p -> p.startsWith("/actuator"));
        JsonNode bearer = doc.path("components").path("securitySchemes").path("bearer");
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        assertThat(bearer.path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(doc.path("security").findValues("bearer")).isNotEmpty();
        // the operations that take no token say so
        JsonNode login = doc.path("paths").path("/api/v1/auth/login").path("post");
        assertThat(login.path("security").isArray()).isTrue();
        assertThat(login.path("security").size()).isZero();
        assertThat(doc.path("paths").path("/api/v1/facilities").path("get").has("security"))
                .isFalse();
    }

    /**
     * Production logs one JSON object per line in the Elastic Common Schema (application-production.yaml);
     * the embedded default keeps Spring Boot's plain lines unless told otherwise.
     */
    @Test
    default void productionLogsAreJsonLines(
            CapturedOutput output, @Value("${logging.structured.format.console:}") String format) {
        // a replayed refresh token is logged as a warning
        String refresh = fx().loginResponse("victor@rala.test").text("refreshToken");
        assertThat(fx().api
                        .call("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", refresh))
                        .status())
                .isEqualTo(200);
        assertThat(fx().api
                        .call("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", refresh))
                        .status())
                .isEqualTo(401);
        String line = output.getOut()
                .lines()
                .filter(l -> l.contains("Refresh token reused"))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no log line about the replayed token"));
        if (!fx().getClass().getSimpleName().startsWith("Postgres")) {
            assertThat(format).isEmpty();
            assertThat(line).doesNotStartWith("{").contains("WARN");
            return;
        }
        assertThat(format).isEqualTo("ecs");
        JsonNode json = Api.JSON.readTree(line);
        assertThat(OffsetDateTime.parse(json.path("@timestamp").asString())).isNotNull();
        assertThat(json.path("log").path("level").asString()).isEqualTo("WARN");
        assertThat(json.path("log").path("logger").asString()).isEqualTo("systems.rala.service.auth.RefreshTokens");
        assertThat(json.path("message").asString()).startsWith("Refresh token reused");
        assertThat(json.path("service").path("name").asString()).isEqualTo("rala-service");
        assertThat(json.path("ecs").path("version").asString()).isNotBlank();
    }
}
