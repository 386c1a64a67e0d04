package systems.rala.service.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import systems.rala.runtime.wire.Acknowledgement;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.live.LiveEvents;
import systems.rala.service.mqtt.ServiceMqttClient;

/**
 * Publishes commands and rollouts and follows each to its end.
 *
 * <p>A row is recorded {@code QUEUED} and published at once when the broker is reachable; the broker's
 * confirmation makes it {@code SENT}. While the broker is away it stays {@code QUEUED}, and goes out as issued
 * (same id, same {@code expiresAt}) when the client reconnects or the next sweep finds the client connected. A
 * row still {@code QUEUED} at its {@code expiresAt} is {@code FAILED} ("expired before it was sent"): the
 * gateway never had it, and would refuse it now anyway. A command {@code SENT} or {@code DELIVERED} that has
 * no terminal acknowledgement by {@code expiresAt} + {@code rala.controls.ack-grace} is {@code TIMED_OUT}: it
 * may or may not have been applied; a rollout unreported by its {@code expiresAt} likewise.
 *
 * <p>Every change is one guarded UPDATE ({@link CommandRepository#advance}); whoever makes it audits it (as the
 * system: no actor) and announces it on {@link LiveEvents} as type {@code command} with the {@link CommandView}.
 * The broker's callbacks and the sweep run on one thread of this class's own, off the MQTT client's threads.
 */
@Service
public class Commands implements SmartLifecycle, ServiceMqttClient.ConnectionListener {

    private static final Logger log = LoggerFactory.getLogger(Commands.class);

    /** A publish the broker has not confirmed within this long is taken as lost and may be sent again [ns]. */
    static final long IN_FLIGHT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** Rows handled per sweep, so one sweep stays short after a long broker outage. */
    static final int SWEEP_BATCH = 500;

    private final CommandRepository commands;
    private final ServiceMqttClient mqtt;
    private final AuditLog audit;
    private final LiveEvents live;
    private final Clock clock;
    private final ControlProperties props;
    private final MeterRegistry meters;
    /** Publishes waiting for the broker's confirmation: id → System.nanoTime() when sent. */
    private final Map<String, Long> inFlight = new ConcurrentHashMap<>();

    private volatile ScheduledExecutorService worker;

    Commands(
            CommandRepository commands,
            ServiceMqttClient mqtt,
            AuditLog audit,
            LiveEvents live,
            Clock clock,
            ControlProperties props,
            MeterRegistry meters) {
        this.meters = meters;
        this.commands = commands;
        this.mqtt = mqtt;
        this.audit = audit;
        this.live = live;
        this.clock = clock;
        this.props = props;
    }

    /**
     * Records a new row (status {@code QUEUED}), audits the request as {@code caller} and publishes the row.
     *
     * @param requested the audit action of the request, e.g. {@code command.issued}
     * @return the row as it is after the publish attempt began
     */
    CommandRow submit(CommandRow row, UUID caller, String requested) {
        commands.insert(row);
        count(row.kind(), CommandStatus.QUEUED);
        audit.record(caller, row.facilityId(), requested, row.describe());
        announce(row);
        publish(row);
        return commands.find(row.id()).orElse(row);
    }

    /** The row, moved to {@code to} unless it is past that already; audited and announced if it moved. */
    boolean advance(CommandRow row, CommandStatus to, String reason) {
        return advance(row.id(), to, reason, null);
    }

    /**
     * Moves a row to {@code to} if it may (see {@link CommandRepository#advance}); audits and announces the
     * change.
     *
     * @param gatewayClientId when given, only that gateway's row moves
     * @return whether this call moved it
     */
    boolean advance(String id, CommandStatus to, String reason, String gatewayClientId) {
        if (!commands.advance(id, to, reason, now(), gatewayClientId)) {
            return false;
        }
        Optional<CommandRow> moved = commands.find(id);
        moved.ifPresent(row -> {
            count(row.kind(), to);
            String action = (row.kind() == CommandKind.COMMAND ? "command." : "policy.rollout.")
                    + to.name().toLowerCase(java.util.Locale.ROOT);
            String detail = row.describe() + (row.reason() == null || !to.isTerminal() ? "" : ": " + row.reason());
            audit.record(
                    null,
                    row.facilityId(),
                    action,
                    detail,
                    to == CommandStatus.FAILED || to == CommandStatus.TIMED_OUT
                            ? AuditLog.Outcome.FAILED
                            : AuditLog.Outcome.SUCCESS);
            announce(row);
        });
        return true;
    }

    /**
     * What a gateway's acknowledgement says about one of its commands. An unknown command id, an id of a
     * rollout, or an acknowledgement from a gateway other than the command's is ignored (logged); a state the
     * command is past already changes nothing, so replays are harmless.
     */
    void acknowledged(Acknowledgement ack, UUID facilityId) {
        Optional<CommandRow> found = commands.find(ack.commandId());
        if (found.isEmpty()) {
            log.debug("acknowledgement {} for unknown command {} ignored", ack.messageId(), ack.commandId());
            return;
        }
        CommandRow row = found.get();
        if (row.kind() != CommandKind.COMMAND
                || !row.gatewayClientId().equals(ack.gatewayId())
                || !row.facilityId().equals(facilityId)) {
            log.warn(
                    "acknowledgement {} from gateway {} names command {} of gateway {}; ignored",
                    ack.messageId(),
                    ack.gatewayId(),
                    row.id(),
                    row.gatewayClientId());
            return;
        }
        String reason = ack.reason();
        switch (ack.state()) {
            case RECEIVED -> advance(row.id(), CommandStatus.DELIVERED, null, ack.gatewayId());
            case APPLIED -> advance(row.id(), CommandStatus.SUCCEEDED, null, ack.gatewayId());
            case REJECTED ->
                advance(row.id(), CommandStatus.FAILED, "rejected by the gateway: " + reason, ack.gatewayId());
            case FAILED -> advance(row.id(), CommandStatus.FAILED, "failed at the gateway: " + reason, ack.gatewayId());
            case EXPIRED ->
                advance(
                        row.id(),
                        CommandStatus.FAILED,
                        "expired: it reached the gateway after expiresAt" + (reason == null ? "" : " (" + reason + ")"),
                        ack.gatewayId());
        }
    }

    /** Publishes a queued row unless a publish of it is in flight; a refusal leaves it queued. */
    void publish(CommandRow row) {
        long started = System.nanoTime();
        Long before = inFlight.putIfAbsent(row.id(), started);
        if (before != null) {
            if (started - before < IN_FLIGHT_TIMEOUT_NANOS) {
                return;
            }
            inFlight.put(row.id(), started);
        }
        if (!mqtt.isConnected()) {
            inFlight.remove(row.id(), started);
            return;
        }
        try {
            mqtt.publish(row.topic(), row.payload().getBytes(StandardCharsets.UTF_8), row.retained(), new Confirm(row));
        } catch (MqttException e) {
            inFlight.remove(row.id(), started);
            log.info("{} {} stays queued: {}", row.kind(), row.id(), e.getMessage());
        }
    }

    /** The broker's answer to one publish, handed to the worker thread. */
    private final class Confirm implements IMqttActionListener {
        private final CommandRow row;

        Confirm(CommandRow row) {
            this.row = row;
        }

        @Override
        public void onSuccess(IMqttToken token) {
            run(() -> {
                inFlight.remove(row.id());
                advance(row, CommandStatus.SENT, null);
            });
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
            inFlight.remove(row.id());
            log.info("{} {} not confirmed by the broker, stays queued: {}", row.kind(), row.id(), e.getMessage());
        }
    }

    /** The broker is back: send what waited for it. */
    @Override
    public void connected() {
        run(this::flush);
    }

    /** Publishes the queued rows that have not expired, oldest first. */
    void flush() {
        if (!mqtt.isConnected()) {
            return;
        }
        List<CommandRow> queued = commands.queued(now(), SWEEP_BATCH);
        if (!queued.isEmpty()) {
            log.info("publishing {} queued command(s) and rollout(s)", queued.size());
        }
        queued.forEach(this::publish);
    }

    /** Ends what is overdue, then sends what is queued. */
    void sweep() {
        OffsetDateTime now = now();
        for (CommandRow row : commands.overdue(now, now.minus(props.ackGrace()), SWEEP_BATCH)) {
            if (row.status() == CommandStatus.QUEUED) {
                Long since = inFlight.get(row.id());
                if (since != null && System.nanoTime() - since < IN_FLIGHT_TIMEOUT_NANOS) {
                    continue; // the broker may still confirm it: then it is SENT, and times out later if need be
                }
                inFlight.remove(row.id());
                advance(
                        row,
                        CommandStatus.FAILED,
                        "expired before it was sent: the broker was not reachable until " + row.expiresAt());
            } else if (row.kind() == CommandKind.COMMAND) {
                advance(
                        row,
                        CommandStatus.TIMED_OUT,
                        "no terminal acknowledgement from the gateway by expiresAt + "
                                + props.ackGrace().toSeconds() + " s; it may or may not have been applied");
            } else {
                advance(
                        row,
                        CommandStatus.TIMED_OUT,
                        "the gateway did not report " + row.policyVersion() + " loaded or refused within "
                                + props.rolloutTimeout().toSeconds() + " s");
            }
        }
        flush();
    }

    /** {@code rala_commands_total{kind, status}}: rows that reached each status. */
    private void count(CommandKind kind, CommandStatus status) {
        Counter.builder("rala.commands")
                .description("Commands and policy rollouts that reached a status")
                .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
                .register(meters)
                .increment();
    }

    void announce(CommandRow row) {
        live.publish(row.facilityId(), "command", CommandView.of(row));
    }

    /** Runs on the worker; a failure is logged and the sweep tries again. */
    private void run(Runnable task) {
        ScheduledExecutorService w = worker;
        if (w == null) {
            return;
        }
        try {
            w.execute(() -> guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("controls worker stopped; {} dropped", task);
        }
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (DataAccessException | IllegalStateException e) {
            log.warn("controls: {}", e.toString());
        }
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    // ---- lifecycle: the default phase, so it starts after the MQTT client and stops before it ----

    @Override
    public synchronized void start() {
        ScheduledExecutorService w = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rala-controls");
            t.setDaemon(true);
            return t;
        });
        long period = props.sweepInterval().toMillis();
        w.scheduleWithFixedDelay(() -> guarded(this::sweep), period, period, TimeUnit.MILLISECONDS);
        worker = w;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService w = worker;
        worker = null;
        if (w != null) {
            w.shutdown();
            try {
                if (!w.awaitTermination(5, TimeUnit.SECONDS)) {
                    w.shutdownNow();
                }
            } catch (InterruptedException e) {
                w.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
