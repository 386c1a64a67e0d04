package systems.rala.service.control;

import org.springframework.http.HttpStatus;
import systems.rala.service.web.ApiException;

/** Refusals of control and rollout requests, as problem documents naming the field at fault. */
final class ControlProblems {

    private ControlProblems() {}

    /** Well-formed, but naming something that does not exist in the facility or cannot be used. */
    static final class Unprocessable extends ApiException {
        private static final long serialVersionUID = 1L;

        Unprocessable(String field, String reason) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, field, reason);
        }
    }

    /** A request body over {@link BodyLimit#MAX_BYTES}. */
    static final class TooLarge extends ApiException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super(HttpStatus.CONTENT_TOO_LARGE, "body", "the request body is larger than " + limit + " bytes");
        }
    }
}
