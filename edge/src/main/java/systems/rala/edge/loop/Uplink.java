package systems.rala.edge.loop;

import systems.rala.runtime.wire.Acknowledgement;
import systems.rala.runtime.wire.AuditRecord;
import systems.rala.runtime.wire.GatewayEvent;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.runtime.wire.TelemetryBatch;

/** Where the control loop sends what the service should know: the gateway's outbox and broker link. */
public interface Uplink {

    /** Readings of one tick. */
    void telemetry(TelemetryBatch batch);

    /** One tick's audit record. */
    void audit(AuditRecord record);

    /** Something people should see. */
    void event(GatewayEvent event);

    /**
     * An acknowledgement of a command.
     *
     * @return false if it could not be stored (its queue is full): the command must not be applied
     */
    boolean ack(Acknowledgement ack);

    /** The gateway's state changed (or a heartbeat is due). */
    void state(GatewayState state);

    /** An uplink that drops everything: a gateway running without a broker. */
    Uplink NONE = new Uplink() {
        @Override
        public void telemetry(TelemetryBatch batch) {}

        @Override
        public void audit(AuditRecord record) {}

        @Override
        public void event(GatewayEvent event) {}

        @Override
        public boolean ack(Acknowledgement ack) {
            return true;
        }

        @Override
        public void state(GatewayState state) {}
    };
}
