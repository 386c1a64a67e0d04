package systems.rala.service.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.config.RalaProperties;
import systems.rala.service.facility.Facility;
import systems.rala.service.facility.FacilityRepository;
import systems.rala.service.facility.Role;
import systems.rala.service.gateway.Gateway;
import systems.rala.service.gateway.GatewayCredentials;
import systems.rala.service.inventory.Equipment;
import systems.rala.service.inventory.EquipmentKind;
import systems.rala.service.inventory.InventoryRepository;
import systems.rala.service.inventory.Protocol;
import systems.rala.service.inventory.Sensor;
import systems.rala.service.inventory.SensorKind;
import systems.rala.service.inventory.Zone;
import systems.rala.service.mqtt.EmbeddedMqttBroker;
import systems.rala.service.timeseries.TimeSeriesStore;
import systems.rala.service.user.User;
import systems.rala.service.user.UserRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./rala serve --demo} ({@code rala.demo.enabled=true}, embedded default only): once the service is ready,
 * makes sure the bootstrap administrator owns a "Demo greenhouse" facility with a zone, a sensor per telemetry
 * point of the example site ({@code examples/edge}), its actuators as equipment and a gateway, issues the gateway a
 * fresh secret (a second start reuses everything and rotates the secret) and writes what the virtual plant and
 * the gateway need into {@code <data-dir>/demo/}: {@code points.json}, {@code plant.json}, {@code gateway.json},
 * {@code gateway.secret} (owner-only), and {@code ready} last, holding the facility's id, for the launcher to wait
 * on.
 */
@Component
@ConditionalOnProperty(name = "rala.demo.enabled", havingValue = "true")
public class DemoProvisioner {

    public static final String FACILITY_NAME = "Demo greenhouse";
    public static final String GATEWAY_NAME = "demo-edge";
    public static final String ZONE_NAME = "Bay 1";

    /**
     * The standard-time offset of the plant's weather site (the built-in Amsterdam generator of examples/edge): the
     * plant's {@code start} is a local date-time there.
     */
    static final java.time.ZoneOffset SITE_OFFSET = java.time.ZoneOffset.ofHours(1);

    /** The house of the example site (examples/edge): 4,000 m² of tomato. */
    static final double AREA_M2 = 4000;

    /** The example's actuators the demo lists as equipment, each a fraction [0, 1] of its range (points.json). */
    record Actuator(String point, String name, EquipmentKind kind) {}

    static final List<Actuator> ACTUATORS = List.of(
            new Actuator("uBoil", "Heating valve", EquipmentKind.HEATING),
            new Actuator("uRoof", "Roof vents", EquipmentKind.VENTILATION),
            new Actuator("uThScr", "Thermal screen", EquipmentKind.SCREEN),
            new Actuator("uExtCo2", "CO2 dosing", EquipmentKind.CO2_DOSING),
            new Actuator("uLamp", "Top lights", EquipmentKind.LIGHTING));

    private static final Logger log = LoggerFactory.getLogger(DemoProvisioner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RalaProperties props;
    private final UserRepository users;
    private final FacilityRepository facilities;
    private final InventoryRepository inventory;
    private final GatewayCredentials gateways;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TimeSeriesStore store;
    private final EmbeddedMqttBroker broker;
    private final Clock clock;
    private final Path examples;
    private final String policy;

    DemoProvisioner(
            RalaProperties props,
            UserRepository users,
            FacilityRepository facilities,
            InventoryRepository inventory,
            GatewayCredentials gateways,
            AuditLog audit,
            JdbcClient jdbc,
            TimeSeriesStore store,
            ObjectProvider<EmbeddedMqttBroker> broker,
            Clock clock,
            Environment env,
            @Value("${rala.demo.examples:../examples/edge}") String examples,
            @Value("${rala.demo.policy:}") String policy) {
        if (env.acceptsProfiles(Profiles.of("production")) || broker.getIfAvailable() == null) {
            throw new IllegalStateException(
                    "rala.demo.enabled: the demo runs on the embedded default only (its own database and broker),"
                            + " never under the production profile");
        }
        this.props = props;
        this.users = users;
        this.facilities = facilities;
        this.inventory = inventory;
        this.gateways = gateways;
        this.audit = audit;
        this.jdbc = jdbc;
        this.store = store;
        this.broker = broker.getObject();
        this.clock = clock;
        this.examples = Path.of(examples).toAbsolutePath().normalize();
        this.policy = policy.isBlank()
                ? null
                : Path.of(policy).toAbsolutePath().normalize().toString();
        if (!Files.isRegularFile(this.examples.resolve("points.json"))) {
            throw new IllegalStateException("rala.demo.examples: no points.json in " + this.examples);
        }
    }

    /** What the demo consists of, for tests and the log. */
    public record Demo(UUID facility, UUID gateway, String clientId, Path folder) {}

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        Demo d = provision();
        log.info("Demo greenhouse {} ready: gateway {} configured in {}", d.facility(), d.clientId(), d.folder());
    }

    /** Creates what is missing, rotates the gateway's secret and writes the demo folder; safe to repeat. */
    public synchronized Demo provision() {
        String email = props.bootstrap().adminEmail();
        User admin = users.findByEmail(email == null ? "" : email)
                .orElseThrow(() -> new IllegalStateException(
                        "rala.demo.enabled: the bootstrap administrator " + email + " does not exist"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        Path folder = props.dataDir().resolve("demo");
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(folder.resolve("ready"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        UUID facility = jdbc
                .sql("SELECT f.id FROM facilities f JOIN memberships m ON m.facility_id = f.id"
                        + " WHERE f.name = ? AND m.user_id = ? AND m.role = 'ADMIN' ORDER BY f.created_at")
                .params(FACILITY_NAME, admin.id())
                .query(UUID.class)
                .list()
                .stream()
                .findFirst()
                .orElse(null);
        if (facility == null) {
            facility = UUID.randomUUID();
            facilities.insert(new Facility(
                    facility, FACILITY_NAME, "Bleiswijk, NL (virtual)", 52.0, 4.5, AREA_M2, "tomato", now));
            facilities.addMember(facility, admin.id(), Role.ADMIN);
            audit.record(admin.id(), facility, "facility.created", FACILITY_NAME + " (demo)");
        }
        UUID f = facility;
        Zone zone = inventory.zones(f).stream()
                .filter(z -> z.name().equals(ZONE_NAME))
                .findFirst()
                .orElseGet(() -> {
                    Zone z = new Zone(UUID.randomUUID(), f, ZONE_NAME, AREA_M2, "tomato", now);
                    inventory.insert(z);
                    audit.record(admin.id(), f, "zone.created", z.id() + " " + z.name() + " (demo)");
                    return z;
                });

        Optional<Gateway> existing = gateways.list(f).stream()
                .filter(g -> g.name().equals(GATEWAY_NAME))
                .findFirst();
        GatewayCredentials.Issued issued;
        if (existing.isPresent()) {
            issued = gateways.rotate(f, existing.get().id()).orElseThrow();
            audit.record(
                    admin.id(),
                    f,
                    "gateway.credentials.rotated",
                    issued.gateway().id() + " " + GATEWAY_NAME);
        } else {
            issued = gateways.register(f, GATEWAY_NAME);
            audit.record(
                    admin.id(),
                    f,
                    "gateway.registered",
                    issued.gateway().id() + " " + GATEWAY_NAME + " client id "
                            + issued.gateway().clientId());
        }
        UUID gw = issued.gateway().id();

        JsonNode points = read(examples.resolve("points.json")).path("points");
        List<String> have = new ArrayList<>();
        inventory.sensors(f, null).forEach(s -> have.add(s.point()));
        for (JsonNode p : points) {
            String name = p.path("name").asString();
            boolean readable = !p.path("access").asString().equals("write");
            boolean telemetry = !p.has("telemetry") || p.path("telemetry").asBoolean();
            Optional<SensorKind> kind = SensorKind.fromWire(name);
            if (!readable || !telemetry || kind.isEmpty() || have.contains(name)) {
                continue;
            }
            Sensor s = new Sensor(
                    UUID.randomUUID(),
                    f,
                    zone.id(),
                    name,
                    kind.get(),
                    kind.get().unit(),
                    null,
                    null,
                    gw,
                    name,
                    now);
            inventory.insert(s);
            audit.record(admin.id(), f, "sensor.created", s.id() + " " + name + " (demo)");
        }
        List<String> equipped = new ArrayList<>();
        inventory.equipmentList(f, null).forEach(e -> equipped.add(e.point()));
        for (Actuator a : ACTUATORS) {
            if (equipped.contains(a.point())) {
                continue;
            }
            Equipment e = new Equipment(
                    UUID.randomUUID(),
                    f,
                    zone.id(),
                    a.name(),
                    a.kind(),
                    Protocol.VIRTUAL,
                    "virtual plant, point " + a.point(),
                    a.point(),
                    "-",
                    0,
                    1,
                    gw,
                    now);
            inventory.insert(e);
            audit.record(admin.id(), f, "equipment.created", e.id() + " " + a.name() + " (demo)");
        }

        writeFolder(folder, f, issued);
        return new Demo(f, gw, issued.gateway().clientId(), folder);
    }

    private void writeFolder(Path folder, UUID facility, GatewayCredentials.Issued issued) {
        try {
            Files.copy(
                    examples.resolve("points.json"),
                    folder.resolve("points.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            ObjectNode plant = (ObjectNode) read(examples.resolve("plant.json"));
            plant.put("pointMap", "points.json");
            // a plant faster than real time leaves readings in the future; the next start carries on after them,
            // so that the newest readings are the new ones
            long newest = store.latest(facility).values().stream()
                    .mapToLong(TimeSeriesStore.Sample::timeMs)
                    .max()
                    .orElse(Long.MIN_VALUE);
            java.time.Instant now = clock.instant();
            if (newest != Long.MIN_VALUE && newest + 60_000 > now.toEpochMilli()) {
                plant.put(
                        "start",
                        java.time.LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(newest + 60_000), SITE_OFFSET)
                                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                .toString());
            }
            write(folder.resolve("plant.json"), plant);
            ObjectNode gateway = (ObjectNode) read(examples.resolve("gateway.json"));
            gateway.put("facility", facility.toString());
            gateway.put("pointMap", "points.json");
            ObjectNode mqtt = (ObjectNode) gateway.path("mqtt");
            mqtt.put("url", broker.url());
            mqtt.put("clientId", issued.gateway().clientId());
            mqtt.remove(List.of("secret", "secretEnv"));
            mqtt.put("secretFile", "gateway.secret");
            ObjectNode control = (ObjectNode) gateway.path("control");
            if (policy != null) {
                control.put("policy", policy);
            } else {
                control.remove("policy");
            }
            ((ObjectNode) gateway.path("store")).put("dir", "gateway-data");
            writeOwnerOnly(folder.resolve("gateway.secret"), issued.secret() + "\n");
            write(folder.resolve("gateway.json"), gateway);
            Files.writeString(folder.resolve("ready"), facility + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo folder " + folder, e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, JsonNode json) throws IOException {
        Files.writeString(
                file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
