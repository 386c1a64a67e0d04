package systems.rala.edge.plant;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import systems.rala.edge.config.ConfigException;
import systems.rala.edge.config.JsonFields;
import systems.rala.edge.config.PointMap;
import systems.rala.edge.config.PointSpec;
import systems.rala.edge.config.Protocol;

/**
 * What the virtual plant simulates and how it serves it: the point map it shares with the gateway, the twin
 * (model, weather, start), the pace, and one server per device of the point map.
 *
 * <pre>{@code
 * {
 *   "pointMap": "points.json",
 *   "model": "led",
 *   "weather": { "generator": "amsterdam", "seed": 7 },
 *   "start": "now",
 *   "days": 400,
 *   "speed": 60,
 *   "step": "60s",
 *   "devices": {
 *     "plc": { "protocol": "modbus_tcp", "host": "127.0.0.1", "port": 5020, "unitId": 1 },
 *     "bms": { "protocol": "bacnet_ip", "host": "127.0.0.1", "port": 47808, "deviceInstance": 1001,
 *              "broadcast": "127.255.255.255" }
 *   }
 * }
 * }</pre>
 *
 * @param pointMap the site's points (paths in the file are relative to the file's folder)
 * @param model {@code led} or {@code hps}: the GreenLight greenhouse with LED or HPS top-lights
 * @param weatherGenerator built-in generator site ({@code amsterdam}), or null when a file is given
 * @param weatherSeed the generator's seed
 * @param weatherFile an EPW or mapped CSV weather file, or null
 * @param weatherMapping the CSV's mapping file, or null
 * @param start the plant's local standard time at start, or null for the wall clock's
 * @param days simulated days the weather must cover (generated weather covers them)
 * @param speed simulated seconds per wall-clock second (1: real time; 60: an hour a minute)
 * @param step simulated time per integration step [s]
 * @param devices the server of each device of the point map, by device name
 */
public record PlantConfig(
        PointMap pointMap,
        String model,
        String weatherGenerator,
        long weatherSeed,
        Path weatherFile,
        Path weatherMapping,
        LocalDateTime start,
        int days,
        double speed,
        Duration step,
        Map<String, Server> devices) {

    /**
     * How the plant serves one device.
     *
     * @param name the device name points refer to
     * @param protocol modbus_tcp or bacnet_ip
     * @param host the address it binds to (127.0.0.1 unless the plant must be reachable from elsewhere)
     * @param port its TCP (Modbus) or UDP (BACnet/IP) port
     * @param unitId Modbus: the unit id it answers to (and 0, broadcast); BACnet: -1
     * @param deviceInstance BACnet: its device instance; Modbus: -1
     * @param broadcast BACnet: its broadcast address (127.255.255.255 on loopback)
     */
    public record Server(
            String name, Protocol protocol, String host, int port, int unitId, int deviceInstance, String broadcast) {}

    /** Reads a plant configuration file. */
    public static PlantConfig load(Path file) {
        JsonFields f = JsonFields.read(file);
        Path dir = file.toAbsolutePath().getParent();
        PointMap points = PointMap.load(dir.resolve(f.string("pointMap")));
        String model = f.string("model", "led");
        if (!model.equals("led") && !model.equals("hps")) {
            throw f.fail("model", "'" + model + "' is not led or hps");
        }
        JsonFields w = f.objectOrNull("weather");
        String generator = "amsterdam";
        long seed = 1;
        Path weatherFile = null;
        Path mapping = null;
        if (w != null) {
            if (w.has("file")) {
                weatherFile = dir.resolve(w.string("file"));
                mapping = w.has("mapping") ? dir.resolve(w.string("mapping")) : null;
                generator = null;
            } else {
                generator = w.string("generator", "amsterdam");
                seed = w.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 1);
            }
            w.done();
        }
        LocalDateTime start = null;
        String startText = f.string("start", "now");
        if (!startText.equals("now")) {
            try {
                start = LocalDateTime.parse(startText);
            } catch (DateTimeParseException e) {
                throw f.fail(
                        "start", "'" + startText + "' is neither now nor a local date-time such as 2030-09-27T00:00");
            }
        }
        int days = (int) f.integer("days", 1, 3660, 400);
        double speed = f.number("speed", 0.01, 100_000, 1);
        Duration step = f.duration("step", Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofSeconds(60));
        JsonFields devs = f.object("devices");
        Map<String, Server> servers = new LinkedHashMap<>();
        for (String name : devs.keys()) {
            JsonFields d = devs.object(name);
            Protocol protocol = d.choice("protocol", Protocol.class);
            String host = d.string("host", "127.0.0.1");
            Server s;
            if (protocol == Protocol.MODBUS_TCP) {
                s = new Server(
                        name,
                        protocol,
                        host,
                        (int) d.integer("port", 1, 65_535, 502),
                        (int) d.integer("unitId", 1, 247, 1),
                        -1,
                        null);
            } else {
                s = new Server(
                        name,
                        protocol,
                        host,
                        (int) d.integer("port", 1, 65_535, 47_808),
                        -1,
                        (int) d.integer("deviceInstance", 0, 4_194_302),
                        d.broadcast("broadcast", "127.255.255.255"));
            }
            d.done();
            servers.put(name, s);
        }
        devs.done();
        f.done();
        for (PointSpec p : points.points()) {
            Server s = servers.get(p.device());
            if (s == null) {
                throw new ConfigException(file + ": devices: no device '" + p.device() + "', which point " + p.name()
                        + " is on; devices: " + servers.keySet());
            }
            if (s.protocol() != p.address().protocol()) {
                throw new ConfigException(file + ": devices." + p.device() + ": is "
                        + s.protocol().name().toLowerCase() + ", but point " + p.name() + " has a "
                        + p.address().protocol().name().toLowerCase() + " address");
            }
        }
        return new PlantConfig(
                points, model, generator, seed, weatherFile, mapping, start, days, speed, step, Map.copyOf(servers));
    }

    /** This configuration at another speed (the command line's {@code --speed}). */
    public PlantConfig withSpeed(double newSpeed) {
        if (!(newSpeed >= 0.01 && newSpeed <= 100_000)) {
            throw new ConfigException("--speed " + newSpeed + " is outside [0.01, 100000]");
        }
        return new PlantConfig(
                pointMap,
                model,
                weatherGenerator,
                weatherSeed,
                weatherFile,
                weatherMapping,
                start,
                days,
                newSpeed,
                step,
                devices);
    }
}
