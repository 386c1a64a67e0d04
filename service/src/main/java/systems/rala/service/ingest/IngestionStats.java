package systems.rala.service.ingest;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Counters of ingestion since the service started; read by metrics, the API and tests. */
@Component
public class IngestionStats {

    /** Messages taken from the broker, of any kind. */
    public final AtomicLong messages = new AtomicLong();
    /** Readings stored (counted once per stored batch, so a re-delivered reading counts again). */
    public final AtomicLong readingsStored = new AtomicLong();
    /** Messages seen before (same message id), acknowledged without storing again. */
    public final AtomicLong duplicates = new AtomicLong();
    /** Batches written to the time-series store. */
    public final AtomicLong batches = new AtomicLong();
    /** Failed attempts to store a batch (each retry counts). */
    public final AtomicLong storeFailures = new AtomicLong();
    /** Failed attempts since the last stored batch: above zero, ingestion is stalled on the current batch. */
    public final AtomicLong failingSince = new AtomicLong();
    /** Messages acknowledged to the broker. */
    public final AtomicLong acknowledged = new AtomicLong();

    private final Map<Rejection, AtomicLong> rejected = new EnumMap<>(Rejection.class);

    public IngestionStats() {
        for (Rejection r : Rejection.values()) {
            rejected.put(r, new AtomicLong());
        }
    }

    /** Refused messages (or readings, for the per-reading reasons) by reason. */
    public AtomicLong rejected(Rejection reason) {
        return rejected.get(reason);
    }

    /** All refusals together. */
    public long rejectedTotal() {
        long n = 0;
        for (AtomicLong c : rejected.values()) {
            n += c.get();
        }
        return n;
    }
}
