package systems.rala.service.twin;

import org.springframework.http.HttpStatus;
import systems.rala.service.web.ApiException;

/** The what-if runner's own failures as problem documents. */
final class TwinProblems {

    private TwinProblems() {}

    /** Every worker busy and the queue full: try again later. */
    static final class Busy extends ApiException {
        private static final long serialVersionUID = 1L;

        Busy(String reason) {
            super(HttpStatus.SERVICE_UNAVAILABLE, null, reason);
        }
    }
}
