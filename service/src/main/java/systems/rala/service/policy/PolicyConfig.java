package systems.rala.service.policy;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Multipart limits that follow {@code rala.policies.max-file-size}, so that the servlet container refuses an
 * oversized upload while reading it instead of spooling it to disk first. (Spring Boot's own multipart
 * configuration steps back when this bean exists.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicyProperties.class)
class PolicyConfig {

    /** Room for the form's other fields and the part headers, bytes. */
    static final long FORM_OVERHEAD_BYTES = 64 * 1024;

    @Bean
    MultipartConfigElement multipartConfig(PolicyProperties props) {
        long max = props.maxFileSize().toBytes();
        // threshold: parts up to 1 MiB stay in memory, larger ones go to the container's temporary folder
        return new MultipartConfigElement("", max, max + FORM_OVERHEAD_BYTES, (int)
                DataSize.ofMegabytes(1).toBytes());
    }
}
