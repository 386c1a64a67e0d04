package systems.rala.edge.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A site's points: every reading the gateway polls and every command it writes, with where each lives on the field
 * bus and how its value is encoded. The same file configures the gateway ({@code ./rala edge}) and the virtual
 * plant that stands in for the site ({@code ./rala plant}).
 *
 * <pre>{@code
 * {
 *   "points": [
 *     { "name": "air_temperature", "unit": "°C", "device": "plc", "access": "read",
 *       "modbus": { "table": "input", "register": 0 }, "type": "int16", "scale": 0.01,
 *       "min": -20, "max": 60, "staleAfter": "30m" },
 *     { "name": "uRoof", "unit": "-", "device": "plc", "access": "read_write",
 *       "modbus": { "table": "holding", "register": 100 }, "type": "uint16", "scale": 0.0001,
 *       "min": 0, "max": 1, "startup": 0, "telemetry": false }
 *   ]
 * }
 * }</pre>
 *
 * <p>Names are unique, and no two points of one device overlap in a Modbus table or share a BACnet object.
 */
public final class PointMap {

    private final List<PointSpec> points;
    private final Map<String, PointSpec> byName;

    /** A point map of {@code points}, checked for duplicate names and overlapping addresses. */
    public PointMap(List<PointSpec> points) {
        this(points, "point map");
    }

    private PointMap(List<PointSpec> points, String source) {
        this.points = List.copyOf(points);
        Map<String, PointSpec> m = new LinkedHashMap<>();
        Map<String, String> owner = new HashMap<>();
        for (int i = 0; i < this.points.size(); i++) {
            PointSpec p = this.points.get(i);
            if (m.put(p.name(), p) != null) {
                throw new ConfigException(source + ": points[" + i + "].name: '" + p.name() + "' is defined twice");
            }
            for (String cell : cells(p)) {
                String other = owner.putIfAbsent(cell, p.name());
                if (other != null) {
                    throw new ConfigException(source + ": points[" + i + "]: " + p.name() + " overlaps " + other
                            + " on device " + p.device() + " (" + p.address() + ")");
                }
            }
        }
        this.byName = m;
    }

    private static List<String> cells(PointSpec p) {
        List<String> out = new ArrayList<>();
        if (p.address() instanceof BusAddress.Modbus a) {
            for (int k = 0; k < p.type().registers(); k++) {
                out.add(p.device() + "/" + a.unitId() + "/" + a.table() + "/" + (a.register() + k));
            }
        } else if (p.address() instanceof BusAddress.Bacnet b) {
            out.add(p.device() + "/" + b.object() + "/" + b.instance());
        }
        return out;
    }

    /** Reads a point map file (JSON, see the class documentation). */
    public static PointMap load(Path file) {
        JsonFields root = JsonFields.read(file);
        List<PointSpec> points = root.objects("points", PointSpec::read);
        root.done();
        if (points.isEmpty()) {
            throw new ConfigException(file + ": points: is empty");
        }
        return new PointMap(points, file.toString());
    }

    /** Every point, in file order. */
    public List<PointSpec> points() {
        return points;
    }

    /** The point named {@code name}. */
    public Optional<PointSpec> point(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The points the gateway polls, in file order. */
    public List<PointSpec> readable() {
        return points.stream().filter(p -> p.access().readable()).toList();
    }

    /** The points the gateway writes, in file order. */
    public List<PointSpec> writable() {
        return points.stream().filter(p -> p.access().writable()).toList();
    }

    /** The points of device {@code device}, in file order. */
    public List<PointSpec> onDevice(String device) {
        return points.stream().filter(p -> p.device().equals(device)).toList();
    }
}
