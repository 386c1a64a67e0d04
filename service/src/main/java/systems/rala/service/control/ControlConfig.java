package systems.rala.service.control;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code rala.controls.*}, and describes the gateway download's own authentication in the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ControlProperties.class)
class ControlConfig {

    static final String GATEWAY_SCHEME = "gateway";

    /** {@code /api/v1/gateway/**} takes a gateway's HTTP Basic credentials instead of a bearer token. */
    @Bean
    OpenApiCustomizer gatewayOperations() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents()
                    .addSecuritySchemes(
                            GATEWAY_SCHEME,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("basic")
                                    .description("a gateway's MQTT client id and secret"));
            if (api.getPaths() != null) {
                api.getPaths().forEach((path, item) -> {
                    if (path.startsWith("/api/v1/gateway/")) {
                        item.readOperations()
                                .forEach(
                                        o -> o.setSecurity(List.of(new SecurityRequirement().addList(GATEWAY_SCHEME))));
                    }
                });
            }
        };
    }
}
