package systems.rala.service.user;

import systems.rala.service.web.ApiException;

/**
 * What a new password must be (OWASP ASVS 4.0.3 V2.1.1 and V2.1.2): 12 to 128 characters, counted as Unicode
 * code points, and not the account's e-mail address. No composition rules (V2.1.9).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    /**
     * @param field the request field that holds the password, named in the error
     * @throws ApiException.Invalid naming {@code field} and the rule broken
     */
    public static void check(String field, String password, String email) {
        if (password == null || password.isBlank()) {
            throw new ApiException.Invalid(field, "is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new ApiException.Invalid(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw new ApiException.Invalid(field, "must be at most " + MAX_LENGTH + " characters");
        }
        if (email != null && password.trim().equalsIgnoreCase(email.trim())) {
            throw new ApiException.Invalid(field, "must not be the e-mail address");
        }
    }
}
