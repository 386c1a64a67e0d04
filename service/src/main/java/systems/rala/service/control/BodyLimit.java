package systems.rala.service.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Bounds the JSON bodies of control and rollout requests: a declared {@code Content-Length} over the limit is
 * refused before reading, and a body without one (chunked) is cut off as soon as it passes the limit; both are
 * 413 naming {@code body}. The servlet container bounds only form posts, and a request that is accepted is
 * parsed whole into memory.
 */
@ControllerAdvice(assignableTypes = {ControlController.class, RolloutController.class})
class BodyLimit extends RequestBodyAdviceAdapter {

    /** Largest body [bytes]: the largest valid control body is about 300 bytes. */
    static final int MAX_BYTES = 4096;

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        if (input.getHeaders().getContentLength() > MAX_BYTES) {
            throw new ControlProblems.TooLarge(MAX_BYTES);
        }
        InputStream body = new Bounded(input.getBody());
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** Throws {@link ControlProblems.TooLarge} when more than {@link #MAX_BYTES} are read. */
    private static final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > MAX_BYTES) {
                throw new ControlProblems.TooLarge(MAX_BYTES);
            }
        }
    }
}
