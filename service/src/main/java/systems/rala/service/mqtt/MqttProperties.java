package systems.rala.service.mqtt;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The MQTT broker the gateways and the service meet at ({@code rala.mqtt.*}).
 *
 * <p>The embedded default runs a broker in the service's own process on {@code host:port} (loopback by
 * default); production points {@code url} at an external broker (Mosquitto, EMQX, …) and gives the service's
 * own account.
 *
 * @param embedded run the in-process broker (the embedded default) instead of connecting to {@code url}
 * @param host address the in-process broker binds to
 * @param port port of the in-process broker; 0 picks a free one (tests). Not 1883 by default, which a
 *     machine's own Mosquitto usually holds
 * @param url the external broker, {@code tcp://host:port} or {@code ssl://host:port}; required when not embedded
 * @param username the service's account on the external broker
 * @param password its password (from the environment, {@code RALA_MQTT_PASSWORD})
 * @param clientId the service's MQTT client id
 * @param maxMessageBytes largest message the in-process broker accepts, bytes
 * @param persistentSession keep the service's session on the broker while it is away (clean session off), so
 *     QoS 1 messages sent meanwhile are delivered when it is back; off only for throwaway test clients
 */
@ConfigurationProperties("rala.mqtt")
@Validated
public record MqttProperties(
        boolean embedded,
        @NotBlank String host,
        @Min(0) @Max(65535) int port,

        @Pattern(regexp = "(tcp|ssl)://[^/]+:\\d{1,5}", message = "must be tcp://host:port or ssl://host:port")
        String url,

        String username,
        String password,

        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 of A-Z a-z 0-9 . _ -")
        String clientId,

        @Min(1024) @Max(16 * 1024 * 1024) int maxMessageBytes,
        boolean persistentSession) {

    @AssertTrue(message = "rala.mqtt.url is required when rala.mqtt.embedded is false")
    public boolean isUrlGivenForAnExternalBroker() {
        return embedded || (url != null && !url.isBlank());
    }
}
