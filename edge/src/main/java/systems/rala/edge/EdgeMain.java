package systems.rala.edge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import systems.rala.edge.config.ConfigException;
import systems.rala.edge.config.GatewayConfig;
import systems.rala.edge.plant.PlantConfig;
import systems.rala.edge.plant.VirtualPlant;

/**
 * {@code ./rala edge --config FILE} runs a gateway; {@code ./rala plant --config FILE [--speed N]} runs the virtual
 * plant. Both run until interrupted (Ctrl-C, SIGTERM), then stop cleanly.
 */
public final class EdgeMain {

    private EdgeMain() {}

    static final String USAGE = """
            usage: rala edge --config FILE          run the gateway (see edge/README.md)
                   rala plant --config FILE [--speed N]
                                                    run the virtual plant: the tomato twin on Modbus TCP and BACnet/IP
            """;

    public static void main(String[] args) throws Exception {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        Path config = null;
        Double speed = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> config = Path.of(value(args, ++i, "--config"));
                case "--speed" -> {
                    String v = value(args, ++i, "--speed");
                    try {
                        speed = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        System.err.println("rala " + command + ": --speed " + v + " is not a number");
                        return 2;
                    }
                }
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return 0;
                }
                default -> {
                    System.err.println("rala " + command + ": unknown option " + args[i] + "\n" + USAGE);
                    return 2;
                }
            }
        }
        if (config == null) {
            System.err.println("rala " + command + ": --config FILE is required\n" + USAGE);
            return 2;
        }
        if (!Files.isRegularFile(config)) {
            System.err.println("rala " + command + ": " + config + ": no such file");
            return 2;
        }
        try {
            return switch (command) {
                case "edge" -> {
                    if (speed != null) {
                        System.err.println("rala edge: --speed is the plant's option");
                        yield 2;
                    }
                    yield edge(GatewayConfig.load(config));
                }
                case "plant" -> {
                    PlantConfig pc = PlantConfig.load(config);
                    yield plant(speed == null ? pc : pc.withSpeed(speed));
                }
                default -> {
                    System.err.println("rala: unknown command " + command + "\n" + USAGE);
                    yield 2;
                }
            };
        } catch (ConfigException e) {
            System.err.println("rala " + command + ": " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException | IllegalStateException | java.io.IOException e) {
            // the site cannot feed the controllers, a port is taken, a file cannot be read: said plainly, no trace
            System.err.println("rala " + command + ": cannot start: " + e.getMessage());
            return 1;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new ConfigException(option + " needs a value");
        }
        return args[i];
    }

    private static int edge(GatewayConfig config) throws Exception {
        Gateway gw = new Gateway(config);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            gw.stop(Duration.ofSeconds(5));
                            stop.countDown();
                        },
                        "gateway-shutdown"));
        gw.start();
        System.out.println("rala edge: gateway " + config.gatewayId() + " running"
                + (config.mqtt() == null
                        ? " without a broker"
                        : ", broker " + config.mqtt().url())
                + "; Ctrl-C stops it");
        stop.await();
        return 0;
    }

    private static int plant(PlantConfig config) throws Exception {
        VirtualPlant plant = new VirtualPlant(config);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            plant.close();
                            stop.countDown();
                        },
                        "plant-shutdown"));
        plant.start();
        StringBuilder where = new StringBuilder();
        config.devices()
                .values()
                .forEach(s -> where.append("\n  ")
                        .append(s.name())
                        .append(": ")
                        .append(s.protocol().name().toLowerCase())
                        .append(" on ")
                        .append(s.host())
                        .append(':')
                        .append(s.port()));
        System.out.println("rala plant: the " + config.model() + " tomato greenhouse from " + plant.siteTime()
                + " at " + config.speed() + "x real time, "
                + config.pointMap().points().size() + " points:" + where
                + "\nCtrl-C stops it");
        stop.await();
        return 0;
    }
}
