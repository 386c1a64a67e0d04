package systems.rala.edge.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import systems.rala.edge.queue.DiskQueue;
import systems.rala.edge.queue.Fsync;

/**
 * Everything a gateway runs with, read from one JSON file (see the edge README for every field). Paths in the file
 * are relative to the file's folder. Checked when read: an error names the file, the field, the value and what is
 * allowed, and an unknown field is an error.
 *
 * @param file the file it was read from, or null
 * @param gatewayId the gateway's id on the wire: its MQTT client id, or {@code gateway} when it runs without MQTT
 * @param facility the facility id (topic level), or null without MQTT
 * @param points the point map
 * @param devices how to reach each device, by name
 * @param control the control loop's settings
 * @param mqtt the broker connection, or null to run the loop alone
 * @param store the store-and-forward queue and the gateway's own files
 * @param policyFetch how announced policies are fetched
 */
public record GatewayConfig(
        Path file,
        String gatewayId,
        String facility,
        PointMap points,
        Map<String, DeviceConfig> devices,
        Control control,
        Mqtt mqtt,
        Store store,
        PolicyFetch policyFetch) {

    /**
     * The control loop.
     *
     * @param tick the interval between ticks
     * @param policy the policy file to start with, or null (the rule-based controller acts)
     * @param policyVersion its version name (default: the file name without {@code .onnx})
     * @param safety a safety configuration file ({@code SafetyConfig.load}), or null for the greenhouse defaults
     * @param stableTicks healthy ticks before a recovered policy acts again
     * @param maxAge age after which a reading is stale (ObservationAssembler's STALE)
     * @param policyBudget how long one policy decision may take
     * @param tickBudget how long a whole tick (read, decide, write) may take before the watchdog hands control to the
     *     fall-back
     * @param clockPoint a read point giving the site's time in seconds since the epoch (a virtual plant running faster
     *     than real time), or null for the gateway's own clock
     * @param standardOffset the site's standard-time offset from UTC (the controllers' clock is local standard time,
     *     no daylight saving)
     * @param mode the mode asked for at start: policy or advisory
     */
    public record Control(
            Duration tick,
            Path policy,
            String policyVersion,
            Path safety,
            int stableTicks,
            Duration maxAge,
            Duration policyBudget,
            Duration tickBudget,
            String clockPoint,
            ZoneOffset standardOffset,
            String mode) {}

    /**
     * The broker connection.
     *
     * @param url {@code tcp://host:port} or {@code ssl://host:port}
     * @param clientId the gateway's client id, as the service issued it (also its MQTT user name)
     * @param secret the gateway's secret, as the service issued it (its MQTT password)
     * @param truststore for {@code ssl://}: a PKCS12 or JKS file with the broker's CA, or null for the JVM's
     * @param truststorePassword its password, or null
     * @param truststoreType PKCS12 or JKS
     * @param keepAlive MQTT keep-alive interval
     * @param heartbeat how often the gateway publishes its state when nothing changes
     * @param maxInflight QoS 1 messages published and not yet acknowledged at a time
     * @param reconnectMax the longest wait between reconnection attempts (they back off from 1 s)
     */
    public record Mqtt(
            String url,
            String clientId,
            char[] secret,
            Path truststore,
            char[] truststorePassword,
            String truststoreType,
            Duration keepAlive,
            Duration heartbeat,
            int maxInflight,
            Duration reconnectMax) {
        @Override
        public String toString() {
            return "Mqtt[url=" + url + ", clientId=" + clientId + ", secret=(hidden), truststore=" + truststore + "]";
        }
    }

    /**
     * The gateway's files.
     *
     * @param dir its data folder: the outbox, the command journal, policies, its state
     * @param bulk options of the telemetry/audit/event queue
     * @param acks options of the acknowledgement queue
     */
    public record Store(Path dir, DiskQueue.Options bulk, DiskQueue.Options acks) {}

    /**
     * Fetching announced policies.
     *
     * @param timeout the longest a download may take
     * @param maxBytes the largest file accepted
     */
    public record PolicyFetch(Duration timeout, long maxBytes) {}

    /** Reads a gateway configuration file. */
    public static GatewayConfig load(Path file) {
        JsonFields f = JsonFields.read(file);
        Path dir = file.toAbsolutePath().getParent();
        PointMap points = PointMap.load(dir.resolve(f.string("pointMap")));

        JsonFields devs = f.object("devices");
        Map<String, DeviceConfig> devices = new LinkedHashMap<>();
        for (String name : devs.keys()) {
            devices.put(name, DeviceConfig.read(name, devs.object(name)));
        }
        devs.done();
        for (PointSpec p : points.points()) {
            DeviceConfig d = devices.get(p.device());
            if (d == null) {
                throw new ConfigException(file + ": devices: no device '" + p.device() + "', which point " + p.name()
                        + " is on; devices: " + devices.keySet());
            }
            if (d.protocol() != p.address().protocol()) {
                throw new ConfigException(file + ": devices." + p.device() + ": is "
                        + d.protocol().name().toLowerCase() + ", but point " + p.name() + " has a "
                        + p.address().protocol().name().toLowerCase() + " address");
            }
        }

        Control control = readControl(f.objectOrNull("control"), f, dir, points);
        JsonFields m = f.objectOrNull("mqtt");
        Mqtt mqtt = m == null ? null : readMqtt(m, dir);
        String facility = null;
        String gatewayId;
        if (mqtt != null) {
            facility = f.string("facility");
            checkId(f, "facility", facility);
            gatewayId = mqtt.clientId();
            if (f.has("gateway") && !f.string("gateway").equals(gatewayId)) {
                throw f.fail(
                        "gateway",
                        "'" + f.string("gateway") + "' differs from mqtt.clientId '" + gatewayId
                                + "': on the wire a gateway is its client id");
            }
            f.string("gateway", null);
        } else {
            gatewayId = f.string("gateway");
            f.string("facility", null);
        }
        checkId(f, "gateway", gatewayId);
        Store store = readStore(f.objectOrNull("store"), f, dir);
        JsonFields pf = f.objectOrNull("policyFetch");
        PolicyFetch fetch = new PolicyFetch(Duration.ofSeconds(60), 64L << 20);
        if (pf != null) {
            fetch = new PolicyFetch(
                    pf.duration("timeout", Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofSeconds(60)),
                    pf.integer("maxBytes", 1024, 1L << 31, 64L << 20));
            pf.done();
        }
        f.done();
        return new GatewayConfig(file, gatewayId, facility, points, Map.copyOf(devices), control, mqtt, store, fetch);
    }

    private static void checkId(JsonFields f, String key, String id) {
        try {
            systems.rala.runtime.wire.Topics.checkId(key, id);
        } catch (IllegalArgumentException e) {
            throw f.fail(key, e.getMessage());
        }
    }

    private static Control readControl(JsonFields c, JsonFields root, Path dir, PointMap points) {
        JsonFields f = c != null ? c : JsonFields.parse(root.file() + " (control defaults)", "{}".getBytes());
        Duration tick = f.duration("tick", Duration.ofMillis(100), Duration.ofHours(1), Duration.ofSeconds(30));
        Path policy = f.has("policy") ? dir.resolve(f.string("policy")) : mark(f, "policy");
        String version = f.string(
                "policyVersion",
                policy == null ? null : policy.getFileName().toString().replaceFirst("\\.onnx$", ""));
        Path safety = f.has("safety") ? dir.resolve(f.string("safety")) : mark(f, "safety");
        if (safety != null && !Files.isRegularFile(safety)) {
            throw f.fail("safety", safety + " is not a file");
        }
        int stable = (int) f.integer("stableTicks", 1, 10_000, 3);
        Duration maxAge = f.duration("maxAge", Duration.ofSeconds(1), Duration.ofDays(1), Duration.ofMinutes(5));
        Duration policyBudget =
                f.duration("policyBudget", Duration.ofMillis(1), Duration.ofMinutes(1), Duration.ofSeconds(2));
        Duration tickBudget = f.duration("tickBudget", Duration.ofMillis(10), Duration.ofHours(1), tick.dividedBy(2));
        if (tickBudget.compareTo(tick) > 0) {
            throw f.fail("tickBudget", tickBudget + " is longer than the tick " + tick);
        }
        if (maxAge.compareTo(tick) <= 0) {
            throw f.fail("maxAge", maxAge + " is not longer than the tick " + tick + ": every reading would be stale");
        }
        String clockPoint = f.string("clockPoint", null);
        if (clockPoint != null) {
            PointSpec p = points.point(clockPoint)
                    .orElseThrow(() -> f.fail("clockPoint", "no point " + clockPoint + " in the point map"));
            if (!p.access().readable() || !p.unit().equals("s")) {
                throw f.fail("clockPoint", clockPoint + " must be a read point in unit s (seconds since the epoch)");
            }
        }
        ZoneOffset offset;
        if (f.has("timezone")) {
            String tz = f.string("timezone");
            try {
                offset = ZoneOffset.of(tz);
            } catch (DateTimeException e) {
                try {
                    offset = ZoneId.of(tz).getRules().getStandardOffset(Instant.now());
                } catch (DateTimeException e2) {
                    throw f.fail(
                            "timezone", "'" + tz + "' is neither an offset (+01:00) nor a zone (Europe/Amsterdam)");
                }
            }
        } else {
            f.string("timezone", null);
            offset = ZoneId.systemDefault().getRules().getStandardOffset(Instant.now());
        }
        String mode = f.string("mode", "policy");
        if (!mode.equals("policy") && !mode.equals("advisory")) {
            throw f.fail("mode", "'" + mode + "' is not policy or advisory");
        }
        if (c != null) {
            c.done();
        }
        return new Control(
                tick, policy, version, safety, stable, maxAge, policyBudget, tickBudget, clockPoint, offset, mode);
    }

    private static Mqtt readMqtt(JsonFields m, Path dir) {
        String url = m.string("url");
        if (!url.startsWith("tcp://") && !url.startsWith("ssl://")) {
            throw m.fail("url", "'" + url + "' is not tcp://host:port or ssl://host:port");
        }
        String clientId = m.string("clientId");
        char[] secret = secret(m, "secret", dir, true);
        Path truststore = m.has("truststore") ? dir.resolve(m.string("truststore")) : mark(m, "truststore");
        char[] tsPassword = secret(m, "truststorePassword", dir, false);
        String tsType = m.string("truststoreType", "PKCS12");
        if (truststore != null && !Files.isRegularFile(truststore)) {
            throw m.fail("truststore", truststore + " is not a file");
        }
        if (truststore != null && !url.startsWith("ssl://")) {
            throw m.fail("truststore", "given, but the url is not ssl://");
        }
        Duration keepAlive =
                m.duration("keepAlive", Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofSeconds(30));
        Duration heartbeat =
                m.duration("heartbeat", Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofSeconds(60));
        int inflight = (int) m.integer("maxInflight", 1, 65_535, 32);
        Duration reconnectMax =
                m.duration("reconnectMax", Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(60));
        m.done();
        return new Mqtt(
                url, clientId, secret, truststore, tsPassword, tsType, keepAlive, heartbeat, inflight, reconnectMax);
    }

    /**
     * A secret given as {@code KEY} (inline), {@code KEY + "File"} (a file holding it, trailing newline ignored) or
     * {@code KEY + "Env"} (an environment variable): exactly one of them. There is no default.
     */
    private static char[] secret(JsonFields m, String key, Path dir, boolean required) {
        int given = (m.has(key) ? 1 : 0) + (m.has(key + "File") ? 1 : 0) + (m.has(key + "Env") ? 1 : 0);
        if (given > 1) {
            throw m.fail(key, "give one of " + key + ", " + key + "File and " + key + "Env");
        }
        if (m.has(key + "File")) {
            Path p = dir.resolve(m.string(key + "File"));
            m.string(key, null);
            m.string(key + "Env", null);
            try {
                return Files.readString(p).strip().toCharArray();
            } catch (java.io.IOException e) {
                throw m.fail(key + "File", p + " cannot be read: " + e.getMessage());
            }
        }
        if (m.has(key + "Env")) {
            String var = m.string(key + "Env");
            m.string(key, null);
            m.string(key + "File", null);
            String v = System.getenv(var);
            if (v == null || v.isEmpty()) {
                throw m.fail(key + "Env", "environment variable " + var + " is not set");
            }
            return v.toCharArray();
        }
        m.string(key + "File", null);
        m.string(key + "Env", null);
        if (m.has(key)) {
            return m.string(key).toCharArray();
        }
        m.string(key, null);
        if (required) {
            throw m.fail(key, "is missing: give " + key + ", " + key + "File or " + key + "Env (no default)");
        }
        return null;
    }

    private static Store readStore(JsonFields s, JsonFields root, Path dir) {
        JsonFields f = s != null ? s : JsonFields.parse(root.file() + " (store defaults)", "{}".getBytes());
        Path data = dir.resolve(f.string("dir", "gateway-data"));
        long maxBytes = f.integer("maxBytes", 1L << 16, 1L << 40, 64L << 20);
        long segment = f.integer("segmentBytes", 4096, 1L << 30, Math.min(4L << 20, maxBytes / 4));
        long ackBytes = f.integer("ackMaxBytes", 1L << 16, 1L << 40, 16L << 20);
        Fsync fsync = f.choice("fsync", Fsync.class, Fsync.INTERVAL);
        Duration interval =
                f.duration("fsyncInterval", Duration.ofMillis(1), Duration.ofMinutes(10), Duration.ofSeconds(1));
        if (s != null) {
            s.done();
        }
        try {
            DiskQueue.Options bulk =
                    new DiskQueue.Options(maxBytes, segment, fsync, interval, DiskQueue.Overflow.DROP_OLDEST);
            DiskQueue.Options acks = new DiskQueue.Options(
                    ackBytes, Math.min(segment, ackBytes / 2), fsync, interval, DiskQueue.Overflow.REFUSE);
            return new Store(data, bulk, acks);
        } catch (IllegalArgumentException e) {
            throw f.fail("maxBytes", e.getMessage());
        }
    }

    private static <T> T mark(JsonFields f, String key) {
        f.string(key, null);
        return null;
    }

    /** This configuration with another control section (tests, embedding). */
    public GatewayConfig withControl(Control c) {
        return new GatewayConfig(file, gatewayId, facility, points, devices, c, mqtt, store, policyFetch);
    }

    /** This configuration with another broker connection (tests, embedding). */
    public GatewayConfig withMqtt(Mqtt m) {
        return new GatewayConfig(
                file, m == null ? gatewayId : m.clientId(), facility, points, devices, control, m, store, policyFetch);
    }

    /** This configuration with another data folder (tests, embedding). */
    public GatewayConfig withDataDir(Path dataDir) {
        return new GatewayConfig(
                file,
                gatewayId,
                facility,
                points,
                devices,
                control,
                mqtt,
                new Store(dataDir, store.bulk(), store.acks()),
                policyFetch);
    }
}
