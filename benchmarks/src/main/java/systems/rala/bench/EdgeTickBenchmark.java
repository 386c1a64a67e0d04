package systems.rala.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import systems.rala.edge.bus.Drivers;
import systems.rala.edge.bus.FieldBusDriver;
import systems.rala.edge.config.DeviceConfig;
import systems.rala.edge.config.GatewayConfig;
import systems.rala.edge.loop.ControlLoop;
import systems.rala.edge.loop.Uplink;
import systems.rala.edge.plant.PlantConfig;
import systems.rala.edge.plant.VirtualPlant;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.policy.OnnxPolicy;
import systems.rala.runtime.policy.PolicyManifest;
import systems.rala.runtime.tick.TickRecord;
import systems.rala.train.export.MlpPolicy;
import systems.rala.train.export.OnnxExporter;

/**
 * One control tick of the gateway on loopback against the virtual plant: read every point, judge the readings,
 * decide, make the commands safe, write every actuator, build the audit record ({@link ControlLoop#tickOnce()};
 * publishing is not included: the uplink discards). The plant is the example site ({@code examples/edge}) held
 * still (its twin is not advanced, so the numbers are the gateway's and the buses', not the twin's).
 *
 * <ul>
 *   <li>{@code bus = modbus}: every point on the Modbus TCP device (the example's weather points moved to input
 *       registers): 12 readings and 8 actuator read-backs in 6 read requests (input registers 0–6, 10–11 and 21–30,
 *       holding registers 100–104 and 110–111, coils 0–2), then 8 writes of one request each;
 *   <li>{@code bus = modbus+bacnet}: the example as shipped: 7 readings on BACnet/IP (one ReadProperty each) and 2
 *       actuators (WriteProperty), the rest on Modbus TCP.
 *   <li>{@code controller = rules}: the rule-based controller; {@code onnx}: an exported 7-64-64-3 tanh policy
 *       (random weights, ONNX Runtime) deciding the boiler, vents and CO2 valve directly.
 * </ul>
 *
 * <pre>benchmarks/run EdgeTickBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class EdgeTickBenchmark {

    @Param({"modbus", "modbus+bacnet"})
    public String bus;

    @Param({"rules", "onnx"})
    public String controller;

    private Path dir;
    private VirtualPlant plant;
    private ControlLoop loop;
    private Map<String, FieldBusDriver> drivers;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("rala-edge-bench");
        Path examples = repoRoot().resolve("examples/edge");
        String points = Files.readString(examples.resolve("points.json"));
        if (bus.equals("modbus")) {
            points = modbusOnly(points);
        }
        Files.writeString(dir.resolve("points.json"), points);
        int modbus = freeTcp();
        int bacnet = freeUdp();
        Files.writeString(dir.resolve("plant.json"), """
                { "pointMap": "points.json", "weather": { "generator": "amsterdam", "seed": 7 },
                  "start": "2030-03-01T12:00", "days": 2, "speed": 1,
                  "devices": { "plc": { "protocol": "modbus_tcp", "port": %d },
                               "weather": { "protocol": "bacnet_ip", "port": %d, "deviceInstance": 1001 } } }
                """.formatted(modbus, bacnet));
        plant = new VirtualPlant(PlantConfig.load(dir.resolve("plant.json")));
        plant.start(true);
        Files.writeString(dir.resolve("gateway.json"), """
                { "gateway": "gw-bench", "pointMap": "points.json",
                  "devices": { "plc": { "protocol": "modbus_tcp", "host": "127.0.0.1", "port": %d, "timeout": "2s" },
                               "weather": { "protocol": "bacnet_ip", "host": "127.0.0.1", "port": %d,
                                            "deviceInstance": 1001, "localPort": %d, "timeout": "2s" } },
                  "control": { "tick": "30s", "maxAge": "1h", "timezone": "+01:00" },
                  "store": { "dir": "data" } }
                """.formatted(modbus, bacnet, freeUdp()));
        GatewayConfig config = GatewayConfig.load(dir.resolve("gateway.json"));
        drivers = new LinkedHashMap<>();
        for (DeviceConfig d : config.devices().values()) {
            drivers.put(d.name(), Drivers.open(d));
        }
        loop = new ControlLoop(config, drivers, Uplink.NONE);
        if (controller.equals("onnx")) {
            loop.swapPolicy(OnnxPolicy.load(policy(dir.resolve("policy.onnx"))), "bench");
        }
        loop.writeStartup();
        loop.tickOnce();
    }

    @Benchmark
    public TickRecord tick() {
        return loop.tickOnce();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        loop.close();
        drivers.values().forEach(FieldBusDriver::close);
        plant.close();
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    /** The example map with the BACnet points moved to Modbus input (readings) and holding (actuators) registers. */
    static String modbusOnly(String points) {
        String s = points;
        for (int i = 1; i <= 5; i++) {
            s = s.replace(
                            "\"bacnet\": { \"object\": \"analog_input\", \"instance\": " + i + " }",
                            "\"modbus\": { \"table\": \"input\", \"register\": " + (19 + 2 * i)
                                    + " }, \"type\": \"float32\"")
                    .replace(
                            "\"bacnet\": { \"object\": \"analog_value\", \"instance\": " + i + " }",
                            "\"modbus\": { \"table\": \"input\", \"register\": " + (19 + 2 * i)
                                    + " }, \"type\": \"float32\"");
        }
        s = s.replace(
                        "\"bacnet\": { \"object\": \"analog_value\", \"instance\": 10 }",
                        "\"modbus\": { \"table\": \"holding\", \"register\": 110 }, \"type\": \"float32\"")
                .replace(
                        "\"bacnet\": { \"object\": \"binary_value\", \"instance\": 11 }",
                        "\"modbus\": { \"table\": \"coil\", \"register\": 2 }")
                .replace("\"device\": \"weather\"", "\"device\": \"plc\"");
        if (s.contains("bacnet")) {
            throw new IllegalStateException("the example point map changed: a BACnet point is left");
        }
        return s;
    }

    static Path policy(Path file) throws IOException {
        List<Point> obs = List.of(
                new Point("air_temperature", "°C", "", -10, 50),
                new Point("air_relative_humidity", "%", "", 0, 100),
                new Point("air_co2", "ppm", "", 0, 3000),
                new Point("outdoor_temperature", "°C", "", -30, 45),
                new Point("outdoor_global_radiation", "W/m2", "", 0, 1400),
                new Point("hour_sin", "-", "", -1, 1),
                new Point("hour_cos", "-", "", -1, 1));
        List<Point> act = List.of(
                new Point("uBoil", "-", "", 0, 1),
                new Point("uRoof", "-", "", 0, 1),
                new Point("uExtCo2", "-", "", 0, 1));
        PolicyManifest m = new PolicyManifest(
                PolicyManifest.VERSION, "EdgeBench-v0", "", obs, act, "none", "bench", 0, "bench", "");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        double[] mean = {20, 70, 600, 10, 200, 0, 0};
        double[] var = {25, 200, 40_000, 50, 40_000, 0.5, 0.5};
        MlpPolicy.Dense h1 = dense(rnd, 64, 7);
        MlpPolicy.Dense h2 = dense(rnd, 64, 64);
        MlpPolicy.Dense out = dense(rnd, 3, 64);
        double[] lo = new double[3];
        double[] hi = {1, 1, 1};
        MlpPolicy p = new MlpPolicy(
                new MlpPolicy.Normalization(mean, var, MlpPolicy.DEFAULT_EPSILON, 10), List.of(h1, h2), out, lo, hi);
        OnnxExporter.write(p, m, file);
        return file;
    }

    static MlpPolicy.Dense dense(java.util.SplittableRandom rnd, int out, int in) {
        float[][] w = new float[out][in];
        float[] b = new float[out];
        for (float[] row : w) {
            for (int i = 0; i < in; i++) {
                row[i] = (float) ((rnd.nextDouble() * 2 - 1) / Math.sqrt(in));
            }
        }
        Arrays.fill(b, 0.01f);
        return new MlpPolicy.Dense(w, b);
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples/edge"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("run from inside the RALA checkout: examples/edge not found above "
                    + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static int freeTcp() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freeUdp() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
