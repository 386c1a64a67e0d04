package systems.rala.service.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The production database ({@code rala.database.*}), read only under the {@code production} profile.
 *
 * @param url a PostgreSQL JDBC URL, e.g. {@code jdbc:postgresql://db:5432/rala}
 * @param username database user
 * @param password database password (from the environment, {@code RALA_DATABASE_PASSWORD}; may be empty for
 *     trust or peer authentication)
 * @param maxPoolSize connections held open
 */
@ConfigurationProperties("rala.database")
@Validated
public record DatabaseProperties(
        @NotBlank @Pattern(regexp = "jdbc:postgresql://.+", message = "must be a jdbc:postgresql:// URL")
        String url,

        @NotBlank String username,
        String password,
        @Min(1) @Max(200) int maxPoolSize) {}
