package systems.rala.service.control;

import org.springframework.stereotype.Component;
import systems.rala.runtime.wire.Acknowledgement;
import systems.rala.runtime.wire.Delivery;
import systems.rala.runtime.wire.GatewayEvent;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.service.ingest.SensorDirectory.GatewayPoints;
import systems.rala.service.ingest.UplinkHandler;

/**
 * What gateways say about commands and rollouts: acknowledgements move commands, states and events end
 * rollouts. Idempotent, as an {@link UplinkHandler} must be: every change is guarded by the row's status.
 */
@Component
class ControlUplinks implements UplinkHandler {

    private final Commands commands;
    private final Rollouts rollouts;

    ControlUplinks(Commands commands, Rollouts rollouts) {
        this.commands = commands;
        this.rollouts = rollouts;
    }

    @Override
    public void handle(Delivery delivery, GatewayPoints gateway) {
        // telemetry is ingestion's own; audit records say nothing about commands
        if (delivery.message() instanceof Acknowledgement ack) {
            commands.acknowledged(ack, gateway.facilityId());
        } else if (delivery.message() instanceof GatewayState state) {
            rollouts.stateReported(state, gateway.facilityId());
        } else if (delivery.message() instanceof GatewayEvent event) {
            rollouts.eventReported(event, gateway.facilityId());
        }
    }
}
