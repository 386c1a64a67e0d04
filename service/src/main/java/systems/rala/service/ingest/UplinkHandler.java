package systems.rala.service.ingest;

import systems.rala.runtime.wire.Delivery;
import systems.rala.service.ingest.SensorDirectory.GatewayPoints;

/**
 * Handles the uplink messages other than telemetry (state, events, audit records, command acknowledgements)
 * of a registered gateway. Called on ingestion's writer thread, in arrival order, before the message is
 * acknowledged to the broker: an exception leaves the message unacknowledged and the batch is retried, so a
 * handler must be idempotent (the same message may come again).
 */
public interface UplinkHandler {

    /** @param delivery the decoded, checked message; {@code gateway} is the registered gateway that sent it */
    void handle(Delivery delivery, GatewayPoints gateway);
}
