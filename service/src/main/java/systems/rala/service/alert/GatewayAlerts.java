package systems.rala.service.alert;

import org.springframework.stereotype.Component;
import systems.rala.runtime.wire.Delivery;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.service.ingest.SensorDirectory.GatewayPoints;
import systems.rala.service.ingest.UplinkHandler;

/**
 * A gateway's own word on whether it is online: a {@link GatewayState} with {@code online = false} (its MQTT
 * last will, which the broker publishes when the connection drops) raises {@code gateway.offline} at once; one
 * with {@code online = true} resolves it. The silence of a gateway that says nothing at all is {@link
 * AlertScanner}'s to notice. Idempotent, as an uplink handler must be: the alert is keyed by the gateway.
 */
@Component
class GatewayAlerts implements UplinkHandler {

    static final String KIND = "gateway.offline";

    private final Alerts alerts;

    GatewayAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    static String key(java.util.UUID gateway) {
        return KIND + ":" + gateway;
    }

    @Override
    public void handle(Delivery delivery, GatewayPoints gateway) {
        if (!(delivery.message() instanceof GatewayState state)) {
            return;
        }
        String key = key(gateway.gatewayId());
        if (state.online()) {
            alerts.resolveOnce(key);
        } else {
            alerts.raiseOnce(
                    key,
                    gateway.facilityId(),
                    null,
                    null,
                    gateway.gatewayId(),
                    KIND,
                    Severity.CRITICAL,
                    "gateway " + state.gatewayId() + " went offline: the broker lost its connection (connected at "
                            + state.sentAt() + ")");
        }
    }
}
