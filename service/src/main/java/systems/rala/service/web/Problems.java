package systems.rala.service.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the service's problem documents: RFC 9457 plus an {@code errors} list of {field, reason}. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public static Map<String, String> error(String field, String reason) {
        return Map.of("field", field, "reason", reason);
    }
}
