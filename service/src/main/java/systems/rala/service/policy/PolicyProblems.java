package systems.rala.service.policy;

import org.springframework.http.HttpStatus;
import systems.rala.service.web.ApiException;

/** The registry's own failures, reported as problem documents naming the field at fault. */
final class PolicyProblems {

    private PolicyProblems() {}

    /** Well-formed but unusable: a file the policy runtime refuses, a version that does not exist. */
    static final class Unprocessable extends ApiException {
        private static final long serialVersionUID = 1L;

        Unprocessable(String field, String reason) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, field, reason);
        }
    }

    /** An upload over {@code rala.policies.max-file-size}. */
    static final class TooLarge extends ApiException {
        private static final long serialVersionUID = 1L;

        TooLarge(String field, String reason) {
            super(HttpStatus.CONTENT_TOO_LARGE, field, reason);
        }
    }

    /** A request that lacks something or has it malformed, outside the JSON body. */
    static final class BadRequest extends ApiException {
        private static final long serialVersionUID = 1L;

        BadRequest(String field, String reason) {
            super(HttpStatus.BAD_REQUEST, field, reason);
        }
    }
}
