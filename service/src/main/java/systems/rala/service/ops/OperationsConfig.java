package systems.rala.service.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What operators see of the service besides its API: RALA's own meters (named {@code rala_*} in Prometheus) and
 * the OpenAPI description served at {@code /api/v1/openapi.json}. Health probes and the Prometheus endpoint are
 * set up in {@code application.yaml} ({@code management.*}).
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfig {

    static final String BEARER = "bearer";

    /** {@code rala_facilities}: facilities in the database, counted at every scrape. */
    @Bean
    Gauge facilitiesGauge(MeterRegistry meters, JdbcClient jdbc) {
        return Gauge.builder("rala.facilities", jdbc, OperationsConfig::countFacilities)
                .description("Facilities in the database")
                .strongReference(true)
                .register(meters);
    }

    private static double countFacilities(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM facilities").query(Long.class).single();
    }

    /** The operations that take no access token (see SecurityConfig). */
    static final Set<String> OPEN = Set.of(
            "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/auth/accept-invitation");

    /** Every operation but those in {@link #OPEN} needs a bearer access token. */
    @Bean
    OpenAPI ralaOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("RALA service API")
                        .version("v1")
                        .description("Accounts, facilities and their members, invitations and the audit log. "
                                + "Errors are application/problem+json with errors: [{field, reason}]."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("an access token from POST /api/v1/auth/login")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** An empty requirement list on the open operations overrides the document-wide bearer requirement. */
    @Bean
    OpenApiCustomizer openOperations() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (OPEN.contains(path)) {
                item.readOperations().forEach(operation -> operation.setSecurity(List.of()));
            }
        });
    }
}
