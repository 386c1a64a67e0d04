package systems.rala.service.policy;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The policy registry's settings ({@code rala.policies.*}), checked when the service starts.
 *
 * @param maxFileSize the largest {@code .onnx} file an upload may carry; larger uploads get 413. An exported
 *     set-point policy of 36 observations and two hidden layers of 64 is about 30 kB, so the default 16 MiB
 *     leaves room for much larger networks.
 */
@ConfigurationProperties("rala.policies")
@Validated
public record PolicyProperties(
        @DefaultValue("16MB") @NotNull DataSize maxFileSize) {

    @AssertTrue(message = "must be between 1 KB and 1 GB")
    public boolean isMaxFileSizeBounded() {
        return maxFileSize == null
                || (maxFileSize.toBytes() >= DataSize.ofKilobytes(1).toBytes()
                        && maxFileSize.toBytes() <= DataSize.ofGigabytes(1).toBytes());
    }
}
