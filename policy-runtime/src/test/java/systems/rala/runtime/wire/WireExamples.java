package systems.rala.runtime.wire;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The records the golden files under {@code v1/} encode, file by file. */
final class WireExamples {

    private WireExamples() {}

    static Instant t(String text) {
        return Instant.parse(text);
    }

    static final TelemetryBatch TELEMETRY = new TelemetryBatch(
            "0195a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d",
            "gw-1",
            t("2026-03-01T06:00:00.250Z"),
            List.of(
                    new Reading("air_temperature", 18.7, "°C", t("2026-03-01T06:00:00Z"), Quality.GOOD),
                    new Reading("air_relative_humidity", 84.2, "%", t("2026-03-01T06:00:00Z"), Quality.GOOD),
                    new Reading("air_co2", 612.0, "ppm", t("2026-03-01T05:59:30Z"), Quality.UNCERTAIN),
                    new Reading(
                            "outdoor_global_radiation", Double.NaN, "W/m²", t("2026-03-01T06:00:00Z"), Quality.BAD)));

    static final GatewayState STATE = new GatewayState(
            "0195a3c4-6000-7b1c-8d2e-3f4a5b6c7d8e",
            "gw-1",
            t("2026-03-01T06:00:05Z"),
            true,
            ControlMode.POLICY,
            "tomato-ppo-2026-02-14-s7",
            t("2026-03-01T06:00:00Z"));

    static final GatewayState STATE_OFFLINE = new GatewayState(
            "0195a2f0-1a2b-7c3d-9e4f-5a6b7c8d9e0f",
            "gw-1",
            t("2026-03-01T04:12:40.118Z"),
            false,
            ControlMode.FALLBACK,
            null,
            null);

    static final GatewayEvent EVENT = new GatewayEvent(
            "0195a3c4-6111-7c2d-ae3f-4a5b6c7d8e9f",
            "gw-1",
            t("2026-03-01T06:00:10Z"),
            t("2026-03-01T05:59:30Z"),
            GatewayEvent.Severity.WARNING,
            "sensor_stale",
            "air_co2 has not changed for 30 min; its readings are marked uncertain",
            "air_co2");

    static final AuditRecord AUDIT = new AuditRecord(
            "0195a3c4-5e70-7d3e-bf40-5b6c7d8e9fa0",
            "gw-1",
            t("2026-03-01T06:00:00.260Z"),
            t("2026-03-01T06:00:00Z"),
            ControlMode.POLICY,
            "tomato-ppo-2026-02-14-s7",
            values(
                    "air_temperature", 18.7,
                    "air_relative_humidity", 84.2,
                    "air_co2", 612.0,
                    "outdoor_temperature", 3.5,
                    "outdoor_global_radiation", Double.NaN,
                    "outdoor_daily_radiation_sum", 6.1),
            values("uBoil", 0.82, "uRoof", 0.13, "uThScr", 1.04, "uLamp", 1.0, "uExtCo2", 0.5),
            values("uBoil", 0.82, "uRoof", 0.0, "uThScr", 1.0, "uLamp", 1.0, "uExtCo2", 0.5),
            List.of("clamp_max:uThScr", "cold_lockout:uRoof"),
            412);

    static final Command COMMAND = Command.setPoint(
            "0195a3c5-0a00-7e4f-8051-6c7d8e9fa0b1",
            "gw-1",
            t("2026-03-01T06:01:00Z"),
            t("2026-03-01T06:16:00Z"),
            "user:alice",
            "tSpDay",
            20.5,
            "°C");

    static final Command COMMAND_MODE = Command.mode(
            "0195a3c5-1b00-7f50-9162-7d8e9fa0b1c2",
            "gw-1",
            t("2026-03-01T06:02:00Z"),
            t("2026-03-01T06:07:00Z"),
            "service:rollout",
            ControlMode.ADVISORY);

    static final Command COMMAND_OVERRIDE = Command.override(
            "0195a3c5-2c00-7061-a273-8e9fa0b1c2d3",
            "gw-1",
            t("2026-03-01T06:03:00Z"),
            t("2026-03-01T06:04:00Z"),
            "user:bob",
            "uRoof",
            0.25,
            "-");

    static final Command COMMAND_RELEASE = Command.release(
            "0195a3c5-3d00-7172-b384-9fa0b1c2d3e4",
            "gw-1",
            t("2026-03-01T07:00:00Z"),
            t("2026-03-01T07:05:00Z"),
            "user:bob",
            "uRoof");

    static final Acknowledgement ACK = new Acknowledgement(
            "0195a3c5-0a40-7283-8495-a0b1c2d3e4f5",
            "gw-1",
            t("2026-03-01T06:01:00.064Z"),
            "0195a3c5-0a00-7e4f-8051-6c7d8e9fa0b1",
            Acknowledgement.State.APPLIED,
            null);

    static final Acknowledgement ACK_REJECTED = new Acknowledgement(
            "0195a3c5-2c30-7394-95a6-b1c2d3e4f5a6",
            "gw-1",
            t("2026-03-01T06:03:00.048Z"),
            "0195a3c5-2c00-7061-a273-8e9fa0b1c2d3",
            Acknowledgement.State.REJECTED,
            "overrides are not allowed in mode 'fallback'");

    static final PolicyAnnouncement POLICY = new PolicyAnnouncement(
            "0195a3b0-0000-74a5-a6b7-c2d3e4f5a6b7",
            "gw-1",
            t("2026-03-01T05:00:00Z"),
            "tomato-ppo-2026-02-14-s7",
            "9f2c1e7a4b8d3f6e0a5c9b2d7e1f4a8c3b6d0e9f2a5c8b1d4e7f0a3c6b9d2e5f",
            "https://rala.example/api/v1/policies/tomato-ppo-2026-02-14-s7.onnx",
            52113);

    /** Golden file name (under {@code v1/}) → the record it holds. */
    static final Map<String, WireMessage> GOLDEN = golden();

    private static Map<String, WireMessage> golden() {
        Map<String, WireMessage> m = new LinkedHashMap<>();
        m.put("telemetry.json", TELEMETRY);
        m.put("state.json", STATE);
        m.put("state-offline.json", STATE_OFFLINE);
        m.put("event.json", EVENT);
        m.put("audit.json", AUDIT);
        m.put("command.json", COMMAND);
        m.put("command-mode.json", COMMAND_MODE);
        m.put("command-override.json", COMMAND_OVERRIDE);
        m.put("command-release.json", COMMAND_RELEASE);
        m.put("ack.json", ACK);
        m.put("ack-rejected.json", ACK_REJECTED);
        m.put("policy.json", POLICY);
        return m;
    }

    /** An ordered map from alternating names and values. */
    static Map<String, Double> values(Object... nameValue) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], (Double) nameValue[i + 1]);
        }
        return m;
    }
}
