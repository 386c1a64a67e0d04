package systems.rala.service.control;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import systems.rala.runtime.wire.AuditRecord;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.runtime.wire.Delivery;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.service.ingest.SensorDirectory.GatewayPoints;
import systems.rala.service.ingest.UplinkHandler;
import systems.rala.service.live.LiveEvents;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Keeps what gateways say about their control: the latest {@link GatewayState} of each (mode, policy version,
 * last tick; live type {@code gateway}) and its recent {@link AuditRecord}s, one per control tick (live type
 * {@code decision}, in {@link DecisionView.Compact} form). Idempotent, as an {@link UplinkHandler} must be: a
 * state replaces the gateway's row (a redelivered one writes the same), a decision is keyed by the gateway and
 * the record's message id and a second copy is ignored (and not announced again).
 *
 * <p>Only the newest {@link #KEEP} decisions per gateway are kept: every {@link #PRUNE_EVERY}th decision
 * stored for a gateway deletes those older than its {@code KEEP}th newest, one indexed query, so a gateway
 * holds at most {@code KEEP + PRUNE_EVERY} between prunings.
 */
@Component
class Decisions implements UplinkHandler {

    /** Decisions kept per gateway: at one tick a minute, about a day and a half. */
    static final int KEEP = 2000;

    static final int PRUNE_EVERY = 50;

    private static final TypeReference<LinkedHashMap<String, Double>> VALUES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final LiveEvents live;
    private final ObjectMapper json;
    private final Map<UUID, Integer> sincePrune = new ConcurrentHashMap<>();

    Decisions(JdbcClient jdbc, LiveEvents live, ObjectMapper json) {
        this.jdbc = jdbc;
        this.live = live;
        this.json = json;
    }

    @Override
    public void handle(Delivery delivery, GatewayPoints gateway) {
        if (delivery.message() instanceof GatewayState state) {
            stateReported(state, gateway);
        } else if (delivery.message() instanceof AuditRecord record) {
            decided(record, gateway);
        }
    }

    private void stateReported(GatewayState s, GatewayPoints gateway) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // a null in VALUES has no type on PostgreSQL (it would be text): cast the nullable ones
        jdbc.sql("MERGE INTO gateway_states t USING (VALUES (?, ?, ?, ?, CAST(? AS VARCHAR(128)),"
                        + " CAST(? AS TIMESTAMP WITH TIME ZONE), ?, ?))"
                        + " AS v (gateway_id, facility_id, online, mode, policy_version, last_tick_at, sent_at,"
                        + " updated_at) ON t.gateway_id = v.gateway_id"
                        + " WHEN MATCHED THEN UPDATE SET online = v.online, mode = v.mode,"
                        + " policy_version = v.policy_version, last_tick_at = v.last_tick_at, sent_at = v.sent_at,"
                        + " updated_at = v.updated_at"
                        + " WHEN NOT MATCHED THEN INSERT (gateway_id, facility_id, online, mode, policy_version,"
                        + " last_tick_at, sent_at, updated_at) VALUES (v.gateway_id, v.facility_id, v.online, v.mode,"
                        + " v.policy_version, v.last_tick_at, v.sent_at, v.updated_at)")
                .params(
                        gateway.gatewayId(),
                        gateway.facilityId(),
                        s.online(),
                        s.mode().name(),
                        s.policyVersion(),
                        time(s.lastTickAt()),
                        time(s.sentAt()),
                        now)
                .update();
        state(gateway.facilityId(), gateway.gatewayId())
                .ifPresent(v -> live.publish(gateway.facilityId(), "gateway", v));
    }

    private void decided(AuditRecord r, GatewayPoints gateway) {
        int inserted = jdbc.sql("MERGE INTO decisions t USING (VALUES (?, ?, ?, ?, ?, CAST(? AS VARCHAR(128)), ?, ?,"
                        + " ?, ?, ?, ?))"
                        + " AS v (id, gateway_id, facility_id, tick_at, mode, policy_version, inputs, raw_action,"
                        + " safe_action, interventions, latency_micros, received_at)"
                        + " ON t.gateway_id = v.gateway_id AND t.id = v.id WHEN NOT MATCHED THEN INSERT"
                        + " (id, gateway_id, facility_id, tick_at, mode, policy_version, inputs, raw_action,"
                        + " safe_action, interventions, latency_micros, received_at)"
                        + " VALUES (v.id, v.gateway_id, v.facility_id, v.tick_at, v.mode, v.policy_version, v.inputs,"
                        + " v.raw_action, v.safe_action, v.interventions, v.latency_micros, v.received_at)")
                .params(
                        r.messageId(),
                        gateway.gatewayId(),
                        gateway.facilityId(),
                        time(r.tickAt()),
                        r.mode().name(),
                        r.policyVersion(),
                        write(r.inputs()),
                        write(r.rawAction()),
                        write(r.safeAction()),
                        String.join("\n", r.interventions()),
                        r.latencyMicros(),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            return; // a copy of one stored before
        }
        if (sincePrune.merge(gateway.gatewayId(), 1, Integer::sum) >= PRUNE_EVERY) {
            sincePrune.remove(gateway.gatewayId());
            prune(gateway.gatewayId());
        }
        live.publish(
                gateway.facilityId(),
                "decision",
                new DecisionView(
                                r.messageId(),
                                gateway.gatewayId(),
                                time(r.tickAt()),
                                CommandView.modeName(r.mode()),
                                r.policyVersion(),
                                nullForNaN(r.inputs()),
                                nullForNaN(r.rawAction()),
                                nullForNaN(r.safeAction()),
                                r.interventions(),
                                r.latencyMicros())
                        .compact());
    }

    /** Deletes the gateway's decisions older than its {@link #KEEP}th newest. */
    int prune(UUID gatewayId) {
        return jdbc.sql("DELETE FROM decisions WHERE gateway_id = ? AND tick_at < (SELECT tick_at FROM decisions"
                        + " WHERE gateway_id = ? ORDER BY tick_at DESC LIMIT 1 OFFSET ?)")
                .params(gatewayId, gatewayId, KEEP - 1)
                .update();
    }

    /** The gateway's latest state, if it has reported one (the gateway is assumed to be the facility's). */
    Optional<GatewayStateView> state(UUID facilityId, UUID gatewayId) {
        return jdbc.sql("SELECT * FROM gateway_states WHERE facility_id = ? AND gateway_id = ?")
                .params(facilityId, gatewayId)
                .query((rs, n) -> {
                    ControlMode mode = ControlMode.valueOf(rs.getString("mode"));
                    return new GatewayStateView(
                            gatewayId,
                            true,
                            rs.getBoolean("online"),
                            CommandView.modeName(mode),
                            mode == ControlMode.FALLBACK,
                            rs.getString("policy_version"),
                            rs.getObject("last_tick_at", OffsetDateTime.class),
                            rs.getObject("sent_at", OffsetDateTime.class),
                            rs.getObject("updated_at", OffsetDateTime.class));
                })
                .optional();
    }

    /** The gateway's newest {@code limit} decisions, newest first. */
    List<DecisionView> recent(UUID facilityId, UUID gatewayId, int limit) {
        return jdbc.sql("SELECT * FROM decisions WHERE facility_id = ? AND gateway_id = ?"
                        + " ORDER BY tick_at DESC, id DESC LIMIT ?")
                .params(facilityId, gatewayId, limit)
                .query((rs, n) -> new DecisionView(
                        rs.getString("id"),
                        gatewayId,
                        rs.getObject("tick_at", OffsetDateTime.class),
                        CommandView.modeName(ControlMode.valueOf(rs.getString("mode"))),
                        rs.getString("policy_version"),
                        read(rs.getString("inputs")),
                        read(rs.getString("raw_action")),
                        read(rs.getString("safe_action")),
                        lines(rs.getString("interventions")),
                        rs.getLong("latency_micros")))
                .list();
    }

    private static OffsetDateTime time(java.time.Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    /** NaN (a missing reading, a proposal that was no number) as null, which JSON can carry. */
    private static Map<String, Double> nullForNaN(Map<String, Double> values) {
        Map<String, Double> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v == null || v.isNaN() ? null : v));
        return m;
    }

    private String write(Map<String, Double> values) {
        return json.writeValueAsString(nullForNaN(values));
    }

    private Map<String, Double> read(String text) {
        return json.readValue(text, VALUES);
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
