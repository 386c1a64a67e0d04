package systems.rala.service.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import systems.rala.service.alert.Alert;
import systems.rala.service.alert.Alerts;
import systems.rala.service.alert.Severity;
import systems.rala.service.facility.Role;
import systems.rala.service.gateway.GatewayCredentials;
import systems.rala.service.gateway.GatewayIdentity;
import systems.rala.service.inventory.Invalid;
import systems.rala.service.mqtt.EmbeddedMqttBroker;
import systems.rala.service.mqtt.GatewayAuthenticator;

/** API tests of zones, sensors, equipment, gateways, alerts, alert rules and daily metrics. */
interface ResourcesContract extends ServiceContract {

    // fixtures: each test that changes state works in a facility of its own

    /** A body map that, unlike Map.of, keeps insertion order and allows null values. */
    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String base(UUID facility) {
        return "/api/v1/facilities/" + facility;
    }

    private Api.Response call(String method, String path, String token, Object body) {
        return fx().api.call(method, path, token, body);
    }

    private UUID created(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return UUID.fromString(r.text("id"));
    }

    private UUID newFacility(String name) {
        return fx().createFacility(fx().alice, unique(name));
    }

    private UUID zone(UUID facility, String token) {
        return created(call("POST", base(facility) + "/zones", token, zoneBody(unique("Zone"))));
    }

    private static Map<String, Object> zoneBody(String name) {
        return body("name", name, "areaM2", 2500.0, "crop", "tomato");
    }

    private static Map<String, Object> sensorBody(UUID zone, String name, UUID gateway, String point) {
        return body(
                "zoneId",
                zone,
                "name",
                name,
                "kind",
                "air_temperature",
                "unit",
                "°C",
                "min",
                -40.0,
                "max",
                60.0,
                "gatewayId",
                gateway,
                "point",
                point);
    }

    private static Map<String, Object> equipmentBody(UUID zone, String name, double safetyMin, double safetyMax) {
        return body(
                "zoneId",
                zone,
                "name",
                name,
                "kind",
                "VENTILATION",
                "protocol",
                "MODBUS_TCP",
                "address",
                "10.0.0.5:502/unit/1/hr/40001",
                "point",
                "roof_vent",
                "unit",
                "-",
                "safetyMin",
                safetyMin,
                "safetyMax",
                safetyMax,
                "gatewayId",
                null);
    }

    private static Map<String, Object> ruleBody(String name, UUID zone, Double min, Double max) {
        return body(
                "name",
                name,
                "sensorKind",
                "air_temperature",
                "zoneId",
                zone,
                "minThreshold",
                min,
                "maxThreshold",
                max,
                "severity",
                "WARNING",
                "enabled",
                true);
    }

    /** The fields an error response names, in order. */
    private static List<String> fields(Api.Response r) {
        return r.body().path("errors").findValuesAsString("field");
    }

    private static void assertProblem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(fields(r)).as(r.raw()).contains(field);
        assertThat(r.body().path("errors").findValuesAsString("reason"))
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    /** Audit entries of {@code action} whose detail mentions {@code subject}. */
    private long audited(String action, Object subject) {
        return fx().auditJdbc
                .sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND detail LIKE ?")
                .params(action, "%" + subject + "%")
                .query(Long.class)
                .single();
    }

    private long rows(String table, UUID facility) {
        return fx().auditJdbc
                .sql("SELECT COUNT(*) FROM " + table + " WHERE facility_id = ?")
                .param(facility)
                .query(Long.class)
                .single();
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An alert row written the way the service writes one, for paths that need an alert to exist. */
    private UUID insertAlert(UUID facility) {
        UUID id = UUID.randomUUID();
        fx().auditJdbc
                .sql("INSERT INTO alerts (id, facility_id, kind, severity, message, state, raised_at)"
                        + " VALUES (?, ?, 'gateway.offline', 'WARNING', 'no telemetry for 5 min', 'OPEN', ?)")
                .params(id, facility, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return id;
    }

    // the catalogue

    /** Every facility-scoped endpoint of this feature, for {@code facility}, with the sub-resources they need. */
    @EndpointCatalogue
    default List<Endpoint> resourceEndpoints(UUID facility, String adminToken) {
        String f = base(facility);
        UUID zone = zone(facility, adminToken);
        Api.Response registered = call("POST", f + "/gateways", adminToken, body("name", unique("Gateway")));
        UUID gateway = UUID.fromString(registered.text("gatewayId"));
        UUID sensor = created(call("POST", f + "/sensors", adminToken, sensorBody(zone, unique("T"), gateway, "t1")));
        UUID equipment = created(call("POST", f + "/equipment", adminToken, equipmentBody(zone, unique("Vent"), 0, 1)));
        UUID rule = created(call("POST", f + "/alert-rules", adminToken, ruleBody(unique("Hot"), zone, null, 35.0)));
        UUID alert = insertAlert(facility);
        return List.of(
                Endpoint.of("GET", f + "/zones", null, Role.VIEWER),
                Endpoint.of("POST", f + "/zones", zoneBody(unique("Zone")), Role.ADMIN),
                Endpoint.of("GET", f + "/zones/" + zone, null, Role.VIEWER),
                Endpoint.of("PUT", f + "/zones/" + zone, zoneBody(unique("Zone")), Role.ADMIN),
                Endpoint.of("DELETE", f + "/zones/" + zone, null, Role.ADMIN),
                Endpoint.of("GET", f + "/sensors?zoneId=" + zone, null, Role.VIEWER),
                Endpoint.of("POST", f + "/sensors", sensorBody(zone, unique("T"), null, null), Role.ADMIN),
                Endpoint.of("GET", f + "/sensors/" + sensor, null, Role.VIEWER),
                Endpoint.of("PUT", f + "/sensors/" + sensor, sensorBody(zone, unique("T"), gateway, "t1"), Role.ADMIN),
                Endpoint.of("DELETE", f + "/sensors/" + sensor, null, Role.ADMIN),
                Endpoint.of("GET", f + "/equipment", null, Role.VIEWER),
                Endpoint.of("POST", f + "/equipment", equipmentBody(zone, unique("Vent"), 0, 1), Role.ADMIN),
                Endpoint.of("GET", f + "/equipment/" + equipment, null, Role.VIEWER),
                Endpoint.of(
                        "PUT", f + "/equipment/" + equipment, equipmentBody(zone, unique("Vent"), 0, 0.8), Role.ADMIN),
                Endpoint.of("DELETE", f + "/equipment/" + equipment, null, Role.ADMIN),
                Endpoint.of("GET", f + "/gateways", null, Role.VIEWER),
                Endpoint.of("POST", f + "/gateways", body("name", unique("Gateway")), Role.ADMIN),
                Endpoint.of("GET", f + "/gateways/" + gateway, null, Role.VIEWER),
                Endpoint.of("POST", f + "/gateways/" + gateway + "/credentials", null, Role.ADMIN),
                Endpoint.of("DELETE", f + "/gateways/" + gateway, null, Role.ADMIN),
                Endpoint.of("GET", f + "/alerts?state=OPEN&severity=WARNING", null, Role.VIEWER),
                Endpoint.of("GET", f + "/alerts/" + alert, null, Role.VIEWER),
                Endpoint.of("POST", f + "/alerts/" + alert + "/acknowledge", null, Role.OPERATOR),
                Endpoint.of("POST", f + "/alerts/" + alert + "/resolve", null, Role.OPERATOR),
                Endpoint.of("GET", f + "/alert-rules", null, Role.VIEWER),
                Endpoint.of("POST", f + "/alert-rules", ruleBody(unique("Cold"), null, 5.0, null), Role.ADMIN),
                Endpoint.of("GET", f + "/alert-rules/" + rule, null, Role.VIEWER),
                Endpoint.of("PUT", f + "/alert-rules/" + rule, ruleBody(unique("Hot"), zone, 10.0, 30.0), Role.ADMIN),
                Endpoint.of("DELETE", f + "/alert-rules/" + rule, null, Role.ADMIN),
                Endpoint.of("GET", f + "/daily-metrics?from=2026-01-01&to=2026-01-31", null, Role.VIEWER));
    }

    // zones

    @Test
    default void zonesAreCreatedListedUpdatedAndDeletedWithEachChangeAudited() {
        UUID f = newFacility("Zones");
        String alice = fx().alice;
        Api.Response made = call("POST", base(f) + "/zones", alice, body("name", " Bay 1 ", "areaM2", 1200.5));
        UUID z = created(made);
        assertThat(made.text("name")).isEqualTo("Bay 1");
        assertThat(made.body().path("areaM2").asDouble()).isEqualTo(1200.5);
        assertThat(made.body().path("crop").isNull()).isTrue();
        UUID other = zone(f, alice);
        assertThat(call("GET", base(f) + "/zones", alice, null).body().findValuesAsString("id"))
                .containsExactlyInAnyOrder(z.toString(), other.toString());

        Api.Response updated =
                call("PUT", base(f) + "/zones/" + z, alice, body("name", "Bay 1a", "areaM2", 900, "crop", "cucumber"));
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        Api.Response read = call("GET", base(f) + "/zones/" + z, alice, null);
        assertThat(read.text("name")).isEqualTo("Bay 1a");
        assertThat(read.text("crop")).isEqualTo("cucumber");
        assertThat(read.body().path("areaM2").asDouble()).isEqualTo(900.0);

        // names are unique per facility, on create and on rename
        assertProblem(call("POST", base(f) + "/zones", alice, zoneBody("Bay 1a")), 409, "name");
        assertProblem(call("PUT", base(f) + "/zones/" + other, alice, zoneBody("Bay 1a")), 409, "name");
        // ...but another facility may use the same name
        assertThat(call("POST", base(newFacility("Zones 2")) + "/zones", alice, zoneBody("Bay 1a"))
                        .status())
                .isEqualTo(201);

        Api.Response invalid = call("POST", base(f) + "/zones", alice, body("name", "", "areaM2", -3));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactly("areaM2", "name");

        assertThat(call("DELETE", base(f) + "/zones/" + z, alice, null).status())
                .isEqualTo(204);
        assertThat(call("GET", base(f) + "/zones/" + z, alice, null).status()).isEqualTo(404);
        assertThat(call("DELETE", base(f) + "/zones/" + z, alice, null).status())
                .isEqualTo(404);
        assertThat(audited("zone.created", z)).isEqualTo(1);
        assertThat(audited("zone.updated", z)).isEqualTo(1);
        assertThat(audited("zone.deleted", z)).isEqualTo(1);
    }

    @Test
    default void aZoneWithSensorsEquipmentOrRulesIsNotDeleted() {
        UUID f = newFacility("Zone contents");
        String alice = fx().alice;
        UUID z = zone(f, alice);
        UUID s = created(call("POST", base(f) + "/sensors", alice, sensorBody(z, "T", null, null)));
        UUID e = created(call("POST", base(f) + "/equipment", alice, equipmentBody(z, "Vent", 0, 1)));
        UUID r = created(call("POST", base(f) + "/alert-rules", alice, ruleBody("Hot", z, null, 30.0)));
        Api.Response refused = call("DELETE", base(f) + "/zones/" + z, alice, null);
        assertProblem(refused, 409, "zoneId");
        assertThat(refused.body().path("errors").get(0).path("reason").asString())
                .contains("1 sensors", "1 pieces of equipment", "1 alert rules");
        assertThat(call("DELETE", base(f) + "/sensors/" + s, alice, null).status())
                .isEqualTo(204);
        assertThat(call("DELETE", base(f) + "/equipment/" + e, alice, null).status())
                .isEqualTo(204);
        assertThat(call("DELETE", base(f) + "/zones/" + z, alice, null).status())
                .isEqualTo(409);
        assertThat(call("DELETE", base(f) + "/alert-rules/" + r, alice, null).status())
                .isEqualTo(204);
        assertThat(call("DELETE", base(f) + "/zones/" + z, alice, null).status())
                .isEqualTo(204);
    }

    // sensors

    @Test
    default void sensorsKeepTheirKindsCanonicalUnitAndRangeAndMoveBetweenZones() {
        UUID f = newFacility("Sensors");
        String alice = fx().alice;
        UUID z1 = zone(f, alice);
        UUID z2 = zone(f, alice);
        // "degC" is one of the spellings of °C that the runtime's Units accepts; it is stored canonical
        Api.Response made = call(
                "POST",
                base(f) + "/sensors",
                alice,
                body("zoneId", z1, "name", "Air T", "kind", "air_temperature", "unit", "degC", "min", -40, "max", 60));
        UUID s = created(made);
        assertThat(made.text("unit")).isEqualTo("°C");
        assertThat(made.text("kind")).isEqualTo("air_temperature");
        assertThat(made.body().path("min").asDouble()).isEqualTo(-40.0);
        // left out, the unit is the kind's canonical one: PAR in µmol m⁻² s⁻¹, CO2 in ppm
        Api.Response par =
                call("POST", base(f) + "/sensors", alice, body("zoneId", z1, "name", "PAR", "kind", "canopy_par"));
        assertThat(par.text("unit")).isEqualTo("umol/m2/s");
        Api.Response co2 = call(
                "POST",
                base(f) + "/sensors",
                alice,
                body("zoneId", z2, "name", "CO2", "kind", "air_co2", "unit", "umol/mol"));
        assertThat(co2.text("unit")).isEqualTo("ppm");

        assertThat(call("GET", base(f) + "/sensors?zoneId=" + z1, alice, null)
                        .body()
                        .findValuesAsString("name"))
                .containsExactly("Air T", "PAR");
        assertThat(call("GET", base(f) + "/sensors", alice, null).body().size()).isEqualTo(3);

        Api.Response moved = call(
                "PUT",
                base(f) + "/sensors/" + s,
                alice,
                body("zoneId", z2, "name", "Air T", "kind", "air_temperature", "min", -20, "max", 50));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        Api.Response read = call("GET", base(f) + "/sensors/" + s, alice, null);
        assertThat(read.text("zoneId")).isEqualTo(z2.toString());
        assertThat(read.body().path("max").asDouble()).isEqualTo(50.0);
        // sensor names are unique per zone
        assertProblem(
                call("POST", base(f) + "/sensors", alice, body("zoneId", z2, "name", "CO2", "kind", "air_co2")),
                409,
                "name");

        assertThat(call("DELETE", base(f) + "/sensors/" + s, alice, null).status())
                .isEqualTo(204);
        assertThat(call("GET", base(f) + "/sensors/" + s, alice, null).status()).isEqualTo(404);
        assertThat(audited("sensor.created", s)).isEqualTo(1);
        assertThat(audited("sensor.updated", s)).isEqualTo(1);
        assertThat(audited("sensor.deleted", s)).isEqualTo(1);
    }

    @Test
    default void invalidSensorsAreRefusedNamingTheField() {
        UUID f = newFacility("Sensor validation");
        String alice = fx().alice;
        UUID z = zone(f, alice);
        String sensors = base(f) + "/sensors";
        Api.Response kind =
                call("POST", sensors, alice, body("zoneId", z, "name", "X", "kind", "air_temp", "unit", "°C"));
        assertProblem(kind, 400, "kind");
        assertThat(kind.raw()).contains("air_temperature", "canopy_par", "outdoor_global_radiation");
        // K is a temperature unit, but not the canonical one; % is not a temperature at all
        Api.Response kelvin =
                call("POST", sensors, alice, body("zoneId", z, "name", "X", "kind", "air_temperature", "unit", "K"));
        assertProblem(kelvin, 400, "unit");
        assertThat(kelvin.raw()).contains("°C");
        assertProblem(
                call(
                        "POST",
                        sensors,
                        alice,
                        body("zoneId", z, "name", "X", "kind", "air_relative_humidity", "unit", "-")),
                400,
                "unit");
        assertProblem(
                call(
                        "POST",
                        sensors,
                        alice,
                        body("zoneId", z, "name", "X", "kind", "air_relative_humidity", "min", 100, "max", 0)),
                400,
                "min");
        Api.Response gateway = call("POST", base(f) + "/gateways", alice, body("name", "gw"));
        UUID g = UUID.fromString(gateway.text("gatewayId"));
        assertProblem(call("POST", sensors, alice, sensorBody(z, "X", g, null)), 400, "point");
        Api.Response missing = call("POST", sensors, alice, body("name", "", "kind", "air_co2"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).containsExactly("name", "zoneId");
        // one point per gateway
        assertThat(call("POST", sensors, alice, sensorBody(z, "A", g, "air_t")).status())
                .isEqualTo(201);
        assertProblem(call("POST", sensors, alice, sensorBody(z, "B", g, "air_t")), 409, "point");
        assertThat(rows("sensors", f)).isEqualTo(1);
    }

    // equipment

    @Test
    default void equipmentCarriesSafetyBoundsThatMustBeOrdered() {
        UUID f = newFacility("Equipment");
        String alice = fx().alice;
        UUID z = zone(f, alice);
        String equipment = base(f) + "/equipment";
        Api.Response made = call("POST", equipment, alice, equipmentBody(z, "Roof vent", 0, 1));
        UUID e = created(made);
        assertThat(made.text("kind")).isEqualTo("VENTILATION");
        assertThat(made.text("protocol")).isEqualTo("MODBUS_TCP");
        assertThat(made.body().path("safetyMax").asDouble()).isEqualTo(1.0);

        Api.Response narrowed = call("PUT", equipment + "/" + e, alice, equipmentBody(z, "Roof vent", 0.1, 0.8));
        assertThat(narrowed.status()).as(narrowed.raw()).isEqualTo(200);
        Api.Response read = call("GET", equipment + "/" + e, alice, null);
        assertThat(read.body().path("safetyMin").asDouble()).isEqualTo(0.1);
        assertThat(read.body().path("safetyMax").asDouble()).isEqualTo(0.8);
        assertThat(call("GET", equipment + "?zoneId=" + z, alice, null).body().findValuesAsString("id"))
                .containsExactly(e.toString());

        Api.Response inverted = call("POST", equipment, alice, equipmentBody(z, "Heater", 80, 20));
        assertProblem(inverted, 400, "safetyMin");
        assertThat(inverted.raw()).contains("safetyMax");
        // the update is refused as well, and the stored bounds stay
        assertProblem(call("PUT", equipment + "/" + e, alice, equipmentBody(z, "Roof vent", 1, 0)), 400, "safetyMin");
        assertThat(call("GET", equipment + "/" + e, alice, null)
                        .body()
                        .path("safetyMax")
                        .asDouble())
                .isEqualTo(0.8);
        Map<String, Object> badKind = equipmentBody(z, "X", 0, 1);
        badKind.put("kind", "TELEPORTER");
        assertProblem(call("POST", equipment, alice, badKind), 400, "kind");
        Map<String, Object> badProtocol = equipmentBody(z, "X", 0, 1);
        badProtocol.put("protocol", "PROFINET");
        Api.Response protocol = call("POST", equipment, alice, badProtocol);
        assertProblem(protocol, 400, "protocol");
        assertThat(protocol.raw()).contains("MODBUS_TCP", "BACNET_IP", "VIRTUAL");
        Map<String, Object> noBound = equipmentBody(z, "X", 0, 1);
        noBound.remove("safetyMax");
        assertProblem(call("POST", equipment, alice, noBound), 400, "safetyMax");
        // the database refuses inverted bounds too, whatever a future code path might send
        assertThatThrownBy(() -> fx().auditJdbc
                        .sql("UPDATE equipment SET safety_min = 2, safety_max = 1 WHERE id = ?")
                        .param(e)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(call("DELETE", equipment + "/" + e, alice, null).status()).isEqualTo(204);
        assertThat(rows("equipment", f)).isZero();
        assertThat(audited("equipment.created", e)).isEqualTo(1);
        assertThat(audited("equipment.updated", e)).isEqualTo(1);
        assertThat(audited("equipment.deleted", e)).isEqualTo(1);
    }

    // references across facilities

    @Test
    default void anotherFacilitysIdsInABodyAreRefusedAsIfTheyDidNotExist() {
        String alice = fx().alice;
        String bob = fx().bob;
        UUID mine = newFacility("Mine");
        UUID myZone = zone(mine, alice);
        UUID theirs = fx().createFacility(bob, unique("Theirs"));
        UUID theirZone = zone(theirs, bob);
        UUID theirGateway = UUID.fromString(call("POST", base(theirs) + "/gateways", bob, body("name", "gw"))
                .text("gatewayId"));
        UUID nowhere = UUID.randomUUID();

        Api.Response foreignZone = call("POST", base(mine) + "/sensors", alice, sensorBody(theirZone, "T", null, null));
        Api.Response noZone = call("POST", base(mine) + "/sensors", alice, sensorBody(nowhere, "T", null, null));
        assertProblem(foreignZone, 422, "zoneId");
        assertThat(foreignZone.raw()).isEqualTo(noZone.raw());
        Api.Response foreignGateway =
                call("POST", base(mine) + "/sensors", alice, sensorBody(myZone, "T", theirGateway, "p"));
        Api.Response noGateway = call("POST", base(mine) + "/sensors", alice, sensorBody(myZone, "T", nowhere, "p"));
        assertProblem(foreignGateway, 422, "gatewayId");
        assertThat(foreignGateway.raw()).isEqualTo(noGateway.raw());
        assertProblem(
                call("POST", base(mine) + "/equipment", alice, equipmentBody(theirZone, "V", 0, 1)), 422, "zoneId");
        Map<String, Object> drivenByTheirs = equipmentBody(myZone, "V", 0, 1);
        drivenByTheirs.put("gatewayId", theirGateway);
        assertProblem(call("POST", base(mine) + "/equipment", alice, drivenByTheirs), 422, "gatewayId");
        assertProblem(
                call("POST", base(mine) + "/alert-rules", alice, ruleBody("R", theirZone, 1.0, 2.0)), 422, "zoneId");
        // an update cannot move a sensor into another facility's zone either
        UUID s = created(call("POST", base(mine) + "/sensors", alice, sensorBody(myZone, "T", null, null)));
        assertProblem(
                call("PUT", base(mine) + "/sensors/" + s, alice, sensorBody(theirZone, "T", null, null)),
                422,
                "zoneId");
        // nor can the other facility's sub-resources be reached through one's own facility
        assertThat(call("GET", base(mine) + "/zones/" + theirZone, alice, null).status())
                .isEqualTo(404);
        assertThat(call("GET", base(mine) + "/gateways/" + theirGateway, alice, null)
                        .raw()
                        .replace(theirGateway.toString(), nowhere.toString()))
                .isEqualTo(call("GET", base(mine) + "/gateways/" + nowhere, alice, null)
                        .raw());
        assertThat(call("DELETE", base(mine) + "/zones/" + theirZone, alice, null)
                        .status())
                .isEqualTo(404);
        assertThat(call("GET", base(theirs) + "/zones/" + theirZone, bob, null).status())
                .isEqualTo(200);
        assertThat(rows("sensors", mine)).isEqualTo(1);
        assertThat(rows("equipment", mine) + rows("alert_rules", mine)).isZero();
        // the database's composite keys refuse a sensor row in another facility's zone, whatever the code does
        assertThatThrownBy(() -> fx().auditJdbc
                        .sql("UPDATE sensors SET zone_id = ? WHERE id = ?")
                        .params(theirZone, s)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    // gateways

    @Test
    default void aGatewaySecretIsShownOnceStoredHashedAndRotationRevokesTheOldOne(
            @Autowired GatewayCredentials credentials) {
        UUID f = newFacility("Gateways");
        String alice = fx().alice;
        Api.Response registered = call("POST", base(f) + "/gateways", alice, body("name", "North house"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        UUID g = UUID.fromString(registered.text("gatewayId"));
        String clientId = registered.text("clientId");
        String secret = registered.text("secret");
        // 23 characters, the longest client id every MQTT 3.1.1 broker accepts; 256 bits of base64url
        assertThat(clientId).matches("gw-[0-9a-f]{20}");
        assertThat(secret).matches("[A-Za-z0-9_-]{43}");

        // never shown again: neither the gateway nor the list carries it
        Api.Response read = call("GET", base(f) + "/gateways/" + g, alice, null);
        assertThat(read.text("clientId")).isEqualTo(clientId);
        assertThat(read.body().has("secret")).isFalse();
        assertThat(read.raw()).doesNotContain(secret);
        assertThat(call("GET", base(f) + "/gateways", alice, null).raw())
                .contains(clientId)
                .doesNotContain(secret);
        // stored as its SHA-256, not as itself
        String stored = fx().auditJdbc
                .sql("SELECT secret_hash FROM gateways WHERE id = ?")
                .param(g)
                .query(String.class)
                .single();
        assertThat(stored).isNotEqualTo(secret).doesNotContain(secret).isEqualTo(sha256Hex(secret));

        Optional<GatewayIdentity> who = credentials.authenticate(clientId, secret);
        assertThat(who).contains(new GatewayIdentity(g, f, clientId));
        assertThat(credentials.authenticate(clientId, secret + "x")).isEmpty();
        assertThat(credentials.authenticate(clientId, stored))
                .as("the hash is no password")
                .isEmpty();
        assertThat(credentials.authenticate("gw-00000000000000000000", secret)).isEmpty();
        assertThat(credentials.authenticate(clientId, null)).isEmpty();
        assertThat(call("GET", base(f) + "/gateways/" + g, alice, null)
                        .body()
                        .path("lastSeenAt")
                        .isNull())
                .as("seen when it authenticated")
                .isFalse();

        Api.Response rotated = call("POST", base(f) + "/gateways/" + g + "/credentials", alice, null);
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        String next = rotated.text("secret");
        assertThat(rotated.text("clientId")).isEqualTo(clientId);
        assertThat(next).isNotEqualTo(secret).matches("[A-Za-z0-9_-]{43}");
        assertThat(credentials.authenticate(clientId, secret))
                .as("the old secret")
                .isEmpty();
        assertThat(credentials.authenticate(clientId, next)).contains(new GatewayIdentity(g, f, clientId));
        assertThat(OffsetDateTime.parse(call("GET", base(f) + "/gateways/" + g, alice, null)
                                .text("credentialRotatedAt"))
                        .isAfter(OffsetDateTime.parse(read.text("credentialRotatedAt"))))
                .isTrue();

        // audited, and never with a secret
        assertThat(audited("gateway.registered", g)).isEqualTo(1);
        assertThat(audited("gateway.credentials.rotated", g)).isEqualTo(1);
        assertThat(audited("gateway.auth.failed", clientId)).isEqualTo(3);
        assertThat(audited("gateway.authenticated", clientId)).isEqualTo(2);
        for (String s : List.of(secret, next)) {
            assertThat(fx().auditJdbc
                            .sql("SELECT COUNT(*) FROM audit_log WHERE detail LIKE ?")
                            .param("%" + s + "%")
                            .query(Long.class)
                            .single())
                    .isZero();
        }

        assertProblem(call("POST", base(f) + "/gateways", alice, body("name", "North house")), 409, "name");
        assertProblem(call("POST", base(f) + "/gateways", alice, body("name", " ")), 400, "name");
        // clients ids are unique across facilities
        String otherClient = call("POST", base(newFacility("Gateways 2")) + "/gateways", alice, body("name", "gw"))
                .text("clientId");
        assertThat(otherClient).isNotEqualTo(clientId);
    }

    @Test
    default void deletingAGatewayRevokesItAndLeavesItsSensorsWithoutOne(@Autowired GatewayCredentials credentials) {
        UUID f = newFacility("Gateway removal");
        String alice = fx().alice;
        UUID z = zone(f, alice);
        Api.Response registered = call("POST", base(f) + "/gateways", alice, body("name", "gw"));
        UUID g = UUID.fromString(registered.text("gatewayId"));
        UUID s = created(call("POST", base(f) + "/sensors", alice, sensorBody(z, "T", g, "air_t")));
        assertThat(call("DELETE", base(f) + "/gateways/" + g, alice, null).status())
                .isEqualTo(204);
        assertThat(call("GET", base(f) + "/gateways/" + g, alice, null).status())
                .isEqualTo(404);
        assertThat(credentials.authenticate(registered.text("clientId"), registered.text("secret")))
                .isEmpty();
        Api.Response sensor = call("GET", base(f) + "/sensors/" + s, alice, null);
        assertThat(sensor.body().path("gatewayId").isNull()).isTrue();
        assertThat(sensor.text("point")).isEqualTo("air_t");
        assertThat(audited("gateway.deleted", g)).isEqualTo(1);
        assertThat(call("POST", base(f) + "/gateways/" + g + "/credentials", alice, null)
                        .status())
                .isEqualTo(404);
    }

    /**
     * The broker's view of the same credentials: the user name is the client id, the password the secret, and the
     * answer the gateway's facility. Where the broker is the embedded one, a real MQTT connect is tried as well.
     */
    @Test
    default void theBrokerAcceptsAGatewayWithItsCurrentSecretOnly(
            @Autowired GatewayAuthenticator broker, @Autowired ObjectProvider<EmbeddedMqttBroker> embedded)
            throws MqttException {
        UUID f = newFacility("Broker");
        String alice = fx().alice;
        Api.Response registered = call("POST", base(f) + "/gateways", alice, body("name", "gw"));
        UUID g = UUID.fromString(registered.text("gatewayId"));
        String clientId = registered.text("clientId");
        String first = registered.text("secret");
        assertThat(broker.authenticate(clientId, first.getBytes(StandardCharsets.UTF_8)))
                .contains(f);
        assertThat(broker.authenticate(clientId, null)).isEmpty();
        String second = call("POST", base(f) + "/gateways/" + g + "/credentials", alice, null)
                .text("secret");
        assertThat(broker.authenticate(clientId, first.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(broker.authenticate(clientId, second.getBytes(StandardCharsets.UTF_8)))
                .contains(f);

        Assumptions.assumeTrue(embedded.getIfAvailable() != null, "no embedded broker in this configuration");
        String url = fx().mqtt.url();
        try (MqttClient client = new MqttClient(url, clientId, new MemoryPersistence())) {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setConnectionTimeout(5);
            options.setUserName(clientId);
            options.setPassword(first.toCharArray());
            assertThatThrownBy(() -> client.connect(options))
                    .as("the secret before rotation")
                    .isInstanceOf(MqttException.class);
            options.setPassword(second.toCharArray());
            client.connect(options);
            assertThat(client.isConnected()).isTrue();
            client.disconnect();
        }
    }

    // alerts

    @Test
    default void alertsMoveOpenAcknowledgedResolvedAndNeverBack(@Autowired Alerts alerts) {
        UUID f = newFacility("Alerts");
        String alice = fx().alice;
        String otto = fx().otto;
        assertThat(call("POST", base(f) + "/members", alice, Map.of("email", "otto@rala.test", "role", "OPERATOR"))
                        .status())
                .isEqualTo(201);
        UUID z = zone(f, alice);
        UUID s = created(call("POST", base(f) + "/sensors", alice, sensorBody(z, "T", null, null)));
        Alert hot = alerts.raise(f, z, s, null, "threshold.above", Severity.CRITICAL, "air 36.2 °C above 35 °C");
        Alert cold = alerts.raise(f, z, s, null, "threshold.below", Severity.WARNING, "air 9.5 °C below 10 °C");
        Alert info = alerts.raise(f, null, null, null, "policy.deployed", Severity.INFO, "policy v3 is running");

        assertThat(call("GET", base(f) + "/alerts", otto, null).body().findValuesAsString("id"))
                .containsExactlyInAnyOrder(
                        hot.id().toString(), cold.id().toString(), info.id().toString());
        assertThat(call("GET", base(f) + "/alerts?severity=CRITICAL", otto, null)
                        .body()
                        .findValuesAsString("id"))
                .containsExactly(hot.id().toString());
        assertProblem(call("GET", base(f) + "/alerts?state=CLOSED", otto, null), 400, "state");
        assertProblem(call("GET", base(f) + "/alerts?severity=FATAL", otto, null), 400, "severity");
        assertProblem(call("GET", base(f) + "/alerts?limit=0", otto, null), 400, "limit");

        String a = base(f) + "/alerts/" + hot.id();
        Api.Response acknowledged = call("POST", a + "/acknowledge", otto, null);
        assertThat(acknowledged.status()).as(acknowledged.raw()).isEqualTo(200);
        assertThat(acknowledged.text("state")).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.text("acknowledgedBy")).isEqualTo(fx().ottoId.toString());
        assertProblem(call("POST", a + "/acknowledge", otto, null), 409, "state");
        Api.Response resolved = call("POST", a + "/resolve", otto, null);
        assertThat(resolved.text("state")).isEqualTo("RESOLVED");
        assertThat(resolved.text("resolvedBy")).isEqualTo(fx().ottoId.toString());
        assertThat(resolved.text("acknowledgedAt")).isNotBlank();
        assertProblem(call("POST", a + "/resolve", otto, null), 409, "state");
        assertProblem(call("POST", a + "/acknowledge", otto, null), 409, "state");

        // OPEN -> RESOLVED directly, by an admin as well
        Api.Response direct = call("POST", base(f) + "/alerts/" + cold.id() + "/resolve", alice, null);
        assertThat(direct.text("state")).isEqualTo("RESOLVED");
        assertThat(direct.body().path("acknowledgedAt").isNull()).isTrue();

        assertThat(call("GET", base(f) + "/alerts?state=OPEN", otto, null)
                        .body()
                        .findValuesAsString("id"))
                .containsExactly(info.id().toString());
        assertThat(call("GET", base(f) + "/alerts?state=resolved", otto, null)
                        .body()
                        .findValuesAsString("id"))
                .containsExactlyInAnyOrder(hot.id().toString(), cold.id().toString());
        assertThat(call("GET", base(f) + "/alerts/" + UUID.randomUUID(), otto, null)
                        .status())
                .isEqualTo(404);
        assertThat(audited("alert.acknowledged", hot.id())).isEqualTo(1);
        assertThat(audited("alert.resolved", hot.id())).isEqualTo(1);
        assertThat(audited("alert.resolved", cold.id())).isEqualTo(1);
        // an alert cannot name another facility's sensor
        assertThatThrownBy(() -> alerts.raise(fx().facilityB, null, s, null, "x", Severity.INFO, "x"))
                .isInstanceOf(Invalid.Reference.class);
    }

    // alert rules

    @Test
    default void alertRulesNeedAThresholdInOrderAndAKnownKindAndSeverity() {
        UUID f = newFacility("Rules");
        String alice = fx().alice;
        UUID z = zone(f, alice);
        String rules = base(f) + "/alert-rules";
        Api.Response made = call("POST", rules, alice, ruleBody("Too hot", z, null, 35.0));
        UUID r = created(made);
        assertThat(made.text("unit")).isEqualTo("°C");
        assertThat(made.body().path("enabled").asBoolean()).isTrue();
        assertThat(made.body().path("minThreshold").isNull()).isTrue();

        Map<String, Object> disabled = ruleBody("Too hot", null, 5.0, 35.0);
        disabled.put("enabled", false);
        disabled.put("severity", "critical");
        Api.Response updated = call("PUT", rules + "/" + r, alice, disabled);
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        Api.Response read = call("GET", rules + "/" + r, alice, null);
        assertThat(read.body().path("enabled").asBoolean()).isFalse();
        assertThat(read.text("severity")).isEqualTo("CRITICAL");
        assertThat(read.body().path("zoneId").isNull()).isTrue();
        assertThat(read.body().path("minThreshold").asDouble()).isEqualTo(5.0);

        assertProblem(call("POST", rules, alice, ruleBody("None", z, null, null)), 400, "minThreshold");
        assertProblem(call("POST", rules, alice, ruleBody("Inverted", z, 30.0, 10.0)), 400, "minThreshold");
        Map<String, Object> kind = ruleBody("Kind", z, 1.0, 2.0);
        kind.put("sensorKind", "soil_moisture");
        assertProblem(call("POST", rules, alice, kind), 400, "sensorKind");
        Map<String, Object> severity = ruleBody("Severity", z, 1.0, 2.0);
        severity.put("severity", "PANIC");
        assertProblem(call("POST", rules, alice, severity), 400, "severity");
        assertProblem(call("POST", rules, alice, ruleBody("Too hot", z, 1.0, 2.0)), 409, "name");
        assertThat(call("GET", rules, alice, null).body().findValuesAsString("id"))
                .containsExactly(r.toString());

        assertThat(call("DELETE", rules + "/" + r, alice, null).status()).isEqualTo(204);
        assertThat(call("GET", rules + "/" + r, alice, null).status()).isEqualTo(404);
        assertThat(audited("alert-rule.created", r)).isEqualTo(1);
        assertThat(audited("alert-rule.updated", r)).isEqualTo(1);
        assertThat(audited("alert-rule.deleted", r)).isEqualTo(1);
    }

    // daily metrics

    @Test
    default void dailyMetricsAreReadByDateRangeForTheFacilityOnly() {
        UUID f = newFacility("Metrics");
        UUID other = newFacility("Metrics other");
        String alice = fx().alice;
        // made-up figures of the size a Dutch tomato house has in March (per m², per day)
        for (int d = 1; d <= 3; d++) {
            fx().auditJdbc
                    .sql(
                            "INSERT INTO daily_metrics (facility_id, metric_day, heat_mj_m2, electricity_kwh_m2, co2_kg_m2,"
                                    + " cost_eur_m2, yield_kg_m2, mean_vpd_kpa, dli_mol_m2_d) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(f, LocalDate.of(2026, 3, d), 2.0 + d, 0.1, 0.02, 0.12, 0.15, 0.6, 14.0 + d)
                    .update();
        }
        fx().auditJdbc
                .sql("INSERT INTO daily_metrics (facility_id, metric_day, heat_mj_m2) VALUES (?, ?, ?)")
                .params(other, LocalDate.of(2026, 3, 2), 99.0)
                .update();
        Api.Response r = call("GET", base(f) + "/daily-metrics?from=2026-03-02&to=2026-03-03", alice, null);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().findValuesAsString("day")).containsExactly("2026-03-02", "2026-03-03");
        assertThat(r.body().get(0).path("heatMjM2").asDouble()).isEqualTo(4.0);
        assertThat(r.body().get(1).path("dliMolM2D").asDouble()).isEqualTo(17.0);
        assertThat(r.raw()).doesNotContain("99.0");
        // the other facility's row for the same day is null where not computed
        Api.Response sparse = call("GET", base(other) + "/daily-metrics?from=2026-03-01&to=2026-03-31", alice, null);
        assertThat(sparse.body().size()).isEqualTo(1);
        assertThat(sparse.body().get(0).path("yieldKgM2").isNull()).isTrue();

        assertProblem(call("GET", base(f) + "/daily-metrics?from=2026-03-03&to=2026-03-01", alice, null), 400, "from");
        // 2026-01-01 to 2027-01-01 is 366 days, both included: allowed; one more is not
        assertThat(call("GET", base(f) + "/daily-metrics?from=2026-01-01&to=2027-01-01", alice, null)
                        .status())
                .isEqualTo(200);
        assertProblem(call("GET", base(f) + "/daily-metrics?from=2026-01-01&to=2027-01-02", alice, null), 400, "to");
        // there is no way to write them through the API
        assertThat(call("POST", base(f) + "/daily-metrics", alice, Map.of("day", "2026-03-04"))
                        .status())
                .isEqualTo(405);
    }

    // the facility owns it all

    @Test
    default void deletingAFacilityDeletesItsWholeInventory(@Autowired Alerts alerts) {
        UUID f = newFacility("Doomed");
        String alice = fx().alice;
        UUID z = zone(f, alice);
        UUID g = UUID.fromString(
                call("POST", base(f) + "/gateways", alice, body("name", "gw")).text("gatewayId"));
        UUID s = created(call("POST", base(f) + "/sensors", alice, sensorBody(z, "T", g, "t")));
        created(call("POST", base(f) + "/equipment", alice, equipmentBody(z, "V", 0, 1)));
        created(call("POST", base(f) + "/alert-rules", alice, ruleBody("R", z, 1.0, 2.0)));
        alerts.raise(f, z, s, g, "threshold.above", Severity.WARNING, "hot");
        fx().auditJdbc
                .sql("INSERT INTO daily_metrics (facility_id, metric_day) VALUES (?, ?)")
                .params(f, LocalDate.of(2026, 3, 1))
                .update();
        List<String> tables =
                List.of("zones", "gateways", "sensors", "equipment", "alert_rules", "alerts", "daily_metrics");
        for (String t : tables) {
            assertThat(rows(t, f)).as(t).isPositive();
        }
        assertThat(call("DELETE", base(f), alice, null).status()).isEqualTo(204);
        for (String t : tables) {
            assertThat(rows(t, f)).as(t).isZero();
        }
    }
}
