package systems.rala.edge.bacnet;

import com.serotonin.bacnet4j.LocalDevice;
import com.serotonin.bacnet4j.exception.BACnetServiceException;
import com.serotonin.bacnet4j.obj.AnalogInputObject;
import com.serotonin.bacnet4j.obj.AnalogOutputObject;
import com.serotonin.bacnet4j.obj.AnalogValueObject;
import com.serotonin.bacnet4j.obj.BACnetObject;
import com.serotonin.bacnet4j.obj.BinaryInputObject;
import com.serotonin.bacnet4j.obj.BinaryOutputObject;
import com.serotonin.bacnet4j.obj.BinaryValueObject;
import com.serotonin.bacnet4j.type.Encodable;
import com.serotonin.bacnet4j.type.enumerated.BinaryPV;
import com.serotonin.bacnet4j.type.enumerated.EngineeringUnits;
import com.serotonin.bacnet4j.type.enumerated.Polarity;
import com.serotonin.bacnet4j.type.enumerated.PropertyIdentifier;
import com.serotonin.bacnet4j.type.primitive.Real;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import systems.rala.edge.config.BusAddress;
import systems.rala.edge.config.PointSpec;
import systems.rala.edge.plant.PlantConfig;
import systems.rala.edge.plant.PlantServer;
import systems.rala.edge.plant.VirtualPlant;

/**
 * A BACnet/IP device (BACnet4J, GPL-3.0) serving one device of the virtual plant: one object per point, its
 * present value refreshed from the plant every {@value #REFRESH_MS} ms; writable objects are commandable (a
 * priority array, relinquish default = the point's start-up value), and whatever present value the writes leave
 * goes to the plant. Bound to the configured address and port; broadcasts (its start-up notification) go only to
 * the configured broadcast address.
 */
final class BacnetPlantDevice implements PlantServer {

    /** How often sensor objects take the plant's values [ms]. */
    static final int REFRESH_MS = 200;

    private final PlantConfig.Server server;
    private final LocalDevice local;
    private final ScheduledExecutorService refresher;

    private record Served(PointSpec point, BACnetObject object) {}

    BacnetPlantDevice(PlantConfig.Server server, List<PointSpec> points, VirtualPlant plant) {
        this.server = server;
        this.local =
                Bacnet.localDevice(server.host(), server.port(), server.broadcast(), server.deviceInstance(), 2000);
        List<Served> sensors = new ArrayList<>();
        try {
            for (PointSpec p : points) {
                BACnetObject o = object(p, plant);
                if (p.access().writable()) {
                    o.addListener((pid, old, now) -> {
                        if (pid.equals(PropertyIdentifier.presentValue)) {
                            plant.write(p.name(), p.toEngineering(raw(now)));
                        }
                    });
                } else {
                    sensors.add(new Served(p, o));
                }
            }
            local.initialize();
        } catch (Exception e) { // BACnet4J's initialize declares Exception
            local.terminate();
            throw new IllegalStateException(
                    "device " + server.name() + ": cannot serve BACnet/IP on " + server.host() + ":" + server.port()
                            + ": " + e.getMessage(),
                    e);
        }
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "plant-bacnet-" + server.name());
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleAtFixedRate(
                () -> {
                    for (Served s : sensors) {
                        double raw = s.point().toRaw(plant.value(s.point().name()));
                        s.object().writePropertyInternal(PropertyIdentifier.presentValue, encode(s.point(), raw));
                    }
                },
                0,
                REFRESH_MS,
                TimeUnit.MILLISECONDS);
    }

    private BACnetObject object(PointSpec p, VirtualPlant plant) throws BACnetServiceException {
        BusAddress.Bacnet a = (BusAddress.Bacnet) p.address();
        String name = p.name();
        int n = a.instance();
        double raw = p.toRaw(plant.value(p.name()));
        float f = Double.isFinite(raw) ? (float) raw : 0f;
        BinaryPV b = raw >= 0.5 ? BinaryPV.active : BinaryPV.inactive;
        EngineeringUnits units = Bacnet.units(p.unit());
        boolean writable = p.access().writable();
        return switch (a.object()) {
            case ANALOG_INPUT -> new AnalogInputObject(local, n, name, f, units, false);
            case ANALOG_OUTPUT -> new AnalogOutputObject(local, n, name, f, units, false, f);
            case ANALOG_VALUE -> {
                AnalogValueObject o = new AnalogValueObject(local, n, name, f, units, false);
                yield writable ? o.supportCommandable(f) : o;
            }
            case BINARY_INPUT -> new BinaryInputObject(local, n, name, b, false, Polarity.normal);
            case BINARY_OUTPUT -> new BinaryOutputObject(local, n, name, b, false, Polarity.normal, b);
            case BINARY_VALUE -> {
                BinaryValueObject o = new BinaryValueObject(local, n, name, b, false);
                yield writable ? o.supportCommandable(b) : o;
            }
        };
    }

    private static Encodable encode(PointSpec p, double raw) {
        if (((BusAddress.Bacnet) p.address()).object().binary()) {
            return raw >= 0.5 ? BinaryPV.active : BinaryPV.inactive;
        }
        return new Real(Double.isFinite(raw) ? (float) raw : Float.NaN);
    }

    private static double raw(Encodable v) {
        if (v instanceof Real r) {
            return r.floatValue();
        }
        if (v instanceof BinaryPV b) {
            return b.equals(BinaryPV.active) ? 1 : 0;
        }
        return Double.NaN;
    }

    @Override
    public String device() {
        return server.name();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        local.terminate();
    }
}
