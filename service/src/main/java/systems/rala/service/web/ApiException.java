package systems.rala.service.web;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A failure the API reports as {@code application/problem+json}. Its subclasses name the status; {@code field}
 * names the request field at fault, when there is one.
 */
public abstract class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String field;

    protected ApiException(HttpStatus status, String field, String reason) {
        super(reason);
        this.status = status;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    /** The request field at fault, or {@code null}. */
    public String field() {
        return field;
    }

    /** Not there, or not visible to the caller: the two must be indistinguishable. */
    public static final class NotFound extends ApiException {
        private static final long serialVersionUID = 1L;

        public NotFound(String what) {
            super(HttpStatus.NOT_FOUND, null, what + " not found");
        }
    }

    /** Visible to the caller, but the caller's role does not allow this. */
    public static final class Forbidden extends ApiException {
        private static final long serialVersionUID = 1L;

        public Forbidden(String reason) {
            super(HttpStatus.FORBIDDEN, null, reason);
        }
    }

    /** The request is valid on its own but clashes with the current state. */
    public static final class Conflict extends ApiException {
        private static final long serialVersionUID = 1L;

        public Conflict(String field, String reason) {
            super(HttpStatus.CONFLICT, field, reason);
        }
    }

    /** Bad credentials or a bad token; the reason is deliberately vague. */
    public static final class Unauthorized extends ApiException {
        private static final long serialVersionUID = 1L;

        public Unauthorized(String reason) {
            super(HttpStatus.UNAUTHORIZED, null, reason);
        }
    }

    /** The request is malformed or breaks a rule (a password policy, a query parameter's range). */
    public static final class Invalid extends ApiException {
        private static final long serialVersionUID = 1L;

        public Invalid(String field, String reason) {
            super(HttpStatus.BAD_REQUEST, field, reason);
        }
    }

    /** The thing named existed but can no longer be used (a spent, revoked or expired invitation). */
    public static final class Gone extends ApiException {
        private static final long serialVersionUID = 1L;

        public Gone(String field, String reason) {
            super(HttpStatus.GONE, field, reason);
        }
    }

    /** Too many attempts; answered with {@code Retry-After}. */
    public static final class TooManyRequests extends ApiException {
        private static final long serialVersionUID = 1L;

        private final Duration retryAfter;

        public TooManyRequests(String reason, Duration retryAfter) {
            super(HttpStatus.TOO_MANY_REQUESTS, null, reason);
            this.retryAfter = retryAfter;
        }

        /** Whole seconds, rounded up and at least 1, as {@code Retry-After} wants them (RFC 9110 §10.2.3). */
        public long retryAfterSeconds() {
            long millis = retryAfter.toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }
}
