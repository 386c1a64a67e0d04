package systems.rala.service.policy;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import systems.rala.service.web.Problems;

/**
 * An upload the servlet container stopped reading because it passed the multipart limits (which follow
 * {@code rala.policies.max-file-size}): 413 naming the field, like the registry's own size check. Ordered
 * before the general handler, which would answer without the field.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    private final PolicyProperties props;

    UploadLimitAdvice(PolicyProperties props) {
        this.props = props;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        String reason = "larger than the limit of "
                + PolicyStore.describe(props.maxFileSize().toBytes());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, reason, List.of(Problems.error("file", reason))));
    }
}
