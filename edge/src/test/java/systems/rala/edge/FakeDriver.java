package systems.rala.edge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import systems.rala.edge.bus.FieldBusDriver;
import systems.rala.edge.bus.ReadResult;
import systems.rala.edge.bus.WriteResult;
import systems.rala.edge.config.PointSpec;

/**
 * A device held in memory, for tests of the control loop's own logic: values set by the test, failures injected
 * per point, every write recorded. Drivers against real protocols are tested against the virtual plant.
 */
public final class FakeDriver implements FieldBusDriver {
    private final String device;
    public final Map<String, Double> values = new HashMap<>();
    public final Map<String, String> failing = new HashMap<>();
    public final List<String> writes = new ArrayList<>();
    public volatile long readDelayMillis;

    public FakeDriver(String device) {
        this.device = device;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public synchronized List<ReadResult> read(List<PointSpec> points) {
        if (readDelayMillis > 0) {
            try {
                Thread.sleep(readDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ReadResult> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (PointSpec p : points) {
            String f = failing.get(p.name());
            Double v = values.get(p.name());
            if (f != null || v == null) {
                out.add(new ReadResult.Failure(p, f != null ? f : "no value", now));
            } else {
                out.add(new ReadResult.Value(p, v, now));
            }
        }
        return out;
    }

    @Override
    public synchronized WriteResult write(PointSpec point, double value) {
        writes.add(point.name() + "=" + value);
        String f = failing.get(point.name());
        if (f != null) {
            return new WriteResult.Failure(point, f);
        }
        values.put(point.name(), value);
        return new WriteResult.Written(point, value);
    }

    @Override
    public void close() {}
}
