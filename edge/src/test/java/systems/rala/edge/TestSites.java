package systems.rala.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import systems.rala.edge.config.GatewayConfig;
import systems.rala.edge.plant.PlantConfig;

/** The example site (examples/edge) on free loopback ports, for tests. */
public final class TestSites {

    /** The example point map shipped with RALA. */
    public static final Path EXAMPLE_POINTS = Path.of("../examples/edge/points.json");

    private TestSites() {}

    /** A TCP port free on 127.0.0.1 now. */
    public static int freeTcpPort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A UDP port free on 127.0.0.1 now. */
    public static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} to {@code file} (UTF-8) and returns the file. */
    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ports of one plant: Modbus TCP and BACnet/IP. */
    public record Ports(int modbus, int bacnet) {
        public static Ports free() {
            return new Ports(freeTcpPort(), freeUdpPort());
        }
    }

    /**
     * A plant configuration in {@code dir} for the example point map, on {@code ports}, from {@code start} (local
     * standard time, Amsterdam weather, seed 7), covering {@code days}.
     */
    public static PlantConfig plant(Path dir, Ports ports, String start, int days, double speed) {
        try {
            Files.createDirectories(dir);
            Files.copy(EXAMPLE_POINTS, dir.resolve("points.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = write(dir.resolve("plant.json"), """
                {
                  "pointMap": "points.json",
                  "weather": { "generator": "amsterdam", "seed": 7 },
                  "start": "%s",
                  "days": %d,
                  "speed": %s,
                  "step": "60s",
                  "devices": {
                    "plc": { "protocol": "modbus_tcp", "port": %d, "unitId": 1 },
                    "weather": { "protocol": "bacnet_ip", "port": %d, "deviceInstance": 1001 }
                  }
                }
                """.formatted(start, days, speed, ports.modbus(), ports.bacnet()));
        return PlantConfig.load(file);
    }

    /**
     * A gateway configuration in {@code dir} for the example point map against a plant on {@code ports}; {@code
     * control} and {@code mqtt} are the JSON of those sections (or null to leave them out).
     */
    public static GatewayConfig gateway(Path dir, Ports ports, String control, String mqtt) {
        try {
            Files.createDirectories(dir);
            Files.copy(EXAMPLE_POINTS, dir.resolve("points.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String json = """
                {
                  %s
                  "pointMap": "points.json",
                  "devices": {
                    "plc": { "protocol": "modbus_tcp", "host": "127.0.0.1", "port": %d, "unitId": 1, "timeout": "1s" },
                    "weather": { "protocol": "bacnet_ip", "host": "127.0.0.1", "port": %d, "deviceInstance": 1001,
                                 "localPort": %d, "timeout": "1s" }
                  },
                  %s
                  %s
                  "store": { "dir": "data", "maxBytes": 1048576, "segmentBytes": 65536, "fsync": "interval" }
                }
                """.formatted(
                        mqtt == null ? "\"gateway\": \"gw-test\"," : "\"facility\": \"farm-1\",",
                        ports.modbus(),
                        ports.bacnet(),
                        freeUdpPort(),
                        control == null ? "" : "\"control\": " + control + ",",
                        mqtt == null ? "" : "\"mqtt\": " + mqtt + ",");
        return GatewayConfig.load(write(dir.resolve("gateway.json"), json));
    }
}
