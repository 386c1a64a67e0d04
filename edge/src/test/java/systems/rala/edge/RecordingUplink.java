package systems.rala.edge;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import systems.rala.edge.loop.Uplink;
import systems.rala.runtime.wire.Acknowledgement;
import systems.rala.runtime.wire.AuditRecord;
import systems.rala.runtime.wire.GatewayEvent;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.runtime.wire.TelemetryBatch;

/** An uplink that keeps everything, for tests. */
public final class RecordingUplink implements Uplink {
    public final List<TelemetryBatch> telemetry = new CopyOnWriteArrayList<>();
    public final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
    public final List<GatewayEvent> events = new CopyOnWriteArrayList<>();
    public final List<Acknowledgement> acks = new CopyOnWriteArrayList<>();
    public final List<GatewayState> states = new CopyOnWriteArrayList<>();

    @Override
    public void telemetry(TelemetryBatch batch) {
        telemetry.add(batch);
    }

    @Override
    public void audit(AuditRecord record) {
        audit.add(record);
    }

    @Override
    public void event(GatewayEvent event) {
        events.add(event);
    }

    @Override
    public boolean ack(Acknowledgement ack) {
        acks.add(ack);
        return true;
    }

    @Override
    public void state(GatewayState state) {
        states.add(state);
    }

    /** The codes of the events so far, in order. */
    public List<String> eventCodes() {
        return events.stream().map(GatewayEvent::code).toList();
    }
}
