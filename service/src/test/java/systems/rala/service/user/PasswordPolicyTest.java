package systems.rala.service.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import systems.rala.service.web.ApiException;

class PasswordPolicyTest {

    @Test
    void twelveTo128CodePointsAreAccepted() {
        assertThatCode(() -> PasswordPolicy.check("password", "a".repeat(12), "ann@rala.test"))
                .doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("password", "a".repeat(128), "ann@rala.test"))
                .doesNotThrowAnyException();
        // 12 emoji are 24 UTF-16 units but 12 characters
        assertThatCode(() -> PasswordPolicy.check("password", "🌱".repeat(12), "ann@rala.test"))
                .doesNotThrowAnyException();
    }

    @Test
    void eachRuleIsReportedOnTheNamedField() {
        assertThatThrownBy(() -> PasswordPolicy.check("newPassword", "a".repeat(11), "ann@rala.test"))
                .isInstanceOfSatisfying(ApiException.Invalid.class, e -> {
                    assertThat(e.field()).isEqualTo("newPassword");
                    assertThat(e.getMessage()).contains("at least 12");
                });
        assertThatThrownBy(() -> PasswordPolicy.check("password", "a".repeat(129), "ann@rala.test"))
                .hasMessageContaining("at most 128");
        // 128 emoji are 128 characters (256 UTF-16 units) and fine; 129 are not
        assertThatCode(() -> PasswordPolicy.check("password", "🌱".repeat(128), "ann@rala.test"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("password", "🌱".repeat(129), "ann@rala.test"))
                .hasMessageContaining("at most 128");
        assertThatThrownBy(() -> PasswordPolicy.check("password", "Ann.Longname@Rala.test", "ann.longname@rala.test"))
                .hasMessageContaining("e-mail");
        assertThatThrownBy(() -> PasswordPolicy.check("password", "   ", "ann@rala.test"))
                .hasMessageContaining("required");
    }
}
