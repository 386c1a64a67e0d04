package systems.rala.service.web;

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
}
