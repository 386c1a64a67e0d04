package systems.rala.service.twin;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import systems.rala.service.web.Problems;

/** A what-if scenario that cannot run, with every field at fault and why: 400, like any invalid body. */
final class ScenarioInvalid extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Map<String, String>> errors;

    ScenarioInvalid(List<Map<String, String>> errors) {
        super("scenario is invalid");
        this.errors = List.copyOf(errors);
    }

    static ScenarioInvalid of(String field, String reason) {
        return new ScenarioInvalid(List.of(Problems.error(field, reason)));
    }

    List<Map<String, String>> errors() {
        return errors;
    }

    @RestControllerAdvice
    static class Handler {
        @ExceptionHandler(ScenarioInvalid.class)
        ResponseEntity<ProblemDetail> invalid(ScenarioInvalid e) {
            return ResponseEntity.badRequest()
                    .body(Problems.of(HttpStatus.BAD_REQUEST, "request body is invalid", e.errors()));
        }
    }
}
