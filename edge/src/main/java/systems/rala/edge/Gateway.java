package systems.rala.edge;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import systems.rala.edge.bus.Drivers;
import systems.rala.edge.bus.FieldBusDriver;
import systems.rala.edge.config.DeviceConfig;
import systems.rala.edge.config.GatewayConfig;
import systems.rala.edge.loop.ControlLoop;
import systems.rala.edge.loop.Uplink;
import systems.rala.edge.mqtt.CommandJournal;
import systems.rala.edge.mqtt.MqttLink;
import systems.rala.edge.mqtt.TlsSockets;
import systems.rala.edge.queue.Outbox;
import systems.rala.edge.rollout.PolicyFetcher;
import systems.rala.edge.rollout.PolicyRollout;
import systems.rala.runtime.wire.Acknowledgement;
import systems.rala.runtime.wire.AuditRecord;
import systems.rala.runtime.wire.Command;
import systems.rala.runtime.wire.GatewayEvent;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.runtime.wire.MessageIds;
import systems.rala.runtime.wire.PolicyAnnouncement;
import systems.rala.runtime.wire.TelemetryBatch;
import systems.rala.runtime.wire.Topics;

/**
 * A RALA gateway: the control loop over the site's field buses, and, when a broker is configured, the outbox and the
 * broker link that carry telemetry, audit records, events and acknowledgements to the service and bring commands
 * and policies back. {@code ./rala edge} runs one; a test or another program embeds one:
 *
 * <pre>{@code
 * try (Gateway gw = new Gateway(GatewayConfig.load(Path.of("gateway.json")))) {
 *     gw.start();
 *     ...
 * }
 * }</pre>
 *
 * <p>Commands: a command is answered {@code received} (stored in the outbox and the command journal before its
 * PUBACK), carried out on the control loop's thread, and answered with its terminal state; one seen before gets
 * its stored outcome again; one that arrives expired is answered {@code expired}; one interrupted by a restart is
 * answered {@code failed} when the gateway starts again.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = System.getLogger(Gateway.class.getName());

    /** Commands remembered for answering replays. */
    static final int JOURNAL_CAPACITY = 10_000;

    private final GatewayConfig config;
    private final Map<String, FieldBusDriver> drivers = new LinkedHashMap<>();
    private Outbox outbox;
    private MqttLink link;
    private CommandJournal journal;
    private ControlLoop loop;
    private PolicyRollout rollout;
    private ScheduledExecutorService timer;
    private boolean started;
    private final AtomicLong telemetryBatches = new AtomicLong();
    private final AtomicLong telemetryReadings = new AtomicLong();

    /** A gateway for {@code config}; {@link #start()} opens everything. */
    public Gateway(GatewayConfig config) {
        this.config = config;
    }

    /**
     * Opens the drivers, the outbox and the journal, loads the policy, writes the start-up values and starts the
     * loop and the broker link.
     *
     * @throws IOException if the data folder or the safety configuration cannot be read
     */
    public synchronized void start() throws IOException {
        if (started) {
            throw new IllegalStateException("the gateway is already started");
        }
        started = true;
        Files.createDirectories(config.store().dir());
        for (DeviceConfig d : config.devices().values()) {
            drivers.put(d.name(), Drivers.open(d));
        }
        GatewayConfig.Mqtt mqtt = config.mqtt();
        Uplink uplink = Uplink.NONE;
        if (mqtt != null) {
            outbox = new Outbox(
                    config.store().dir().resolve("outbox"),
                    config.store().bulk(),
                    config.store().acks());
            journal = new CommandJournal(config.store().dir().resolve("commands.log"), JOURNAL_CAPACITY);
            uplink = new BrokerUplink();
        }
        loop = new ControlLoop(config, drivers, uplink);
        SSLContext tls = mqtt == null ? null : TlsSockets.context(mqtt);
        PolicyFetcher fetcher = new PolicyFetcher(
                mqtt == null ? null : mqtt.clientId(),
                mqtt == null ? null : mqtt.secret(),
                config.file() == null
                        ? config.store().dir()
                        : config.file().toAbsolutePath().getParent(),
                config.policyFetch().timeout(),
                tls);
        rollout = new PolicyRollout(config, loop, fetcher);
        rollout.loadAtStart();
        loop.restoreMode();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gateway-timer");
            t.setDaemon(true);
            return t;
        });
        if (mqtt != null) {
            for (String id : journal.interrupted()) {
                String why = "the gateway stopped before the command was carried out; send it again if still wanted";
                journal.put(id, Acknowledgement.State.FAILED, why);
                uplink.ack(new Acknowledgement(
                        MessageIds.newId(), config.gatewayId(), Instant.now(), id, Acknowledgement.State.FAILED, why));
            }
            link = new MqttLink(mqtt, config.facility(), outbox, new Downlink(), () -> loop.state(false));
            link.publishState(loop.state(true));
            link.start();
            long hb = mqtt.heartbeat().toMillis();
            timer.scheduleAtFixedRate(this::heartbeat, hb, hb, TimeUnit.MILLISECONDS);
            long fsync = Math.max(10, config.store().bulk().fsyncInterval().toMillis());
            timer.scheduleAtFixedRate(outbox::tick, fsync, fsync, TimeUnit.MILLISECONDS);
        }
        loop.start();
        LOG.log(
                Level.INFO,
                "gateway " + config.gatewayId() + " started: "
                        + config.points().points().size()
                        + " points on " + drivers.size() + " devices, tick "
                        + config.control().tick().toMillis() + " ms, "
                        + (loop.policyVersion() == null ? "rule-based control" : "policy " + loop.policyVersion())
                        + (mqtt == null ? ", no broker" : ", broker " + mqtt.url()));
    }

    private void heartbeat() {
        try {
            loop.publishState();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "heartbeat: " + e);
        }
    }

    /** The configuration it runs with. */
    public GatewayConfig config() {
        return config;
    }

    /**
     * Telemetry batches this gateway has stored in its outbox for the broker since it started (one per tick with
     * telemetry points); with {@link #telemetryReadings()}, what the service should end up holding.
     */
    public long telemetryBatches() {
        return telemetryBatches.get();
    }

    /** Readings in those batches (good and bad). */
    public long telemetryReadings() {
        return telemetryReadings.get();
    }

    /** The control loop (after {@link #start()}). */
    public ControlLoop loop() {
        return loop;
    }

    /** The outbox, or null without a broker (after {@link #start()}). */
    public Outbox outbox() {
        return outbox;
    }

    /** The broker link, or null without a broker (after {@link #start()}). */
    public MqttLink link() {
        return link;
    }

    /** The policy rollout (after {@link #start()}). */
    public PolicyRollout rollout() {
        return rollout;
    }

    /** The command journal, or null without a broker (after {@link #start()}). */
    public CommandJournal journal() {
        return journal;
    }

    /** Goes back to the previous policy version; its name, or null if there is none. */
    public String rollback() {
        String v = loop.call(loop::rollback);
        if (v != null) {
            loop.event(
                    GatewayEvent.Severity.INFO, "policy_rolled_back", "back to policy " + v + " by the operator", null);
            loop.publishState();
        }
        return v;
    }

    /**
     * Stops: the loop finishes its tick, the outbox gets {@code drain} to empty, the state goes offline, and every
     * connection is closed. Unsent messages stay on disk for the next start.
     */
    public synchronized void stop(Duration drain) {
        if (!started) {
            return;
        }
        started = false;
        if (timer != null) {
            timer.shutdownNow();
        }
        if (loop != null) {
            loop.close();
        }
        if (rollout != null) {
            rollout.close();
        }
        if (link != null) {
            link.close(loop.state(false), drain);
        }
        for (FieldBusDriver d : drivers.values()) {
            d.close();
        }
        drivers.clear();
        if (journal != null) {
            journal.close();
        }
        if (outbox != null) {
            outbox.close();
        }
        LOG.log(Level.INFO, "gateway " + config.gatewayId() + " stopped");
    }

    /** {@link #stop(Duration)} with 5 s to drain. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    /** The uplink through the outbox and the link. */
    private final class BrokerUplink implements Uplink {
        private String topic(String kind) {
            return Topics.topic(
                    systems.rala.runtime.wire.MessageKind.valueOf(kind), config.facility(), config.gatewayId());
        }

        @Override
        public void telemetry(TelemetryBatch batch) {
            outbox.offer(topic("TELEMETRY"), batch);
            telemetryBatches.incrementAndGet();
            telemetryReadings.addAndGet(batch.readings().size());
        }

        @Override
        public void audit(AuditRecord record) {
            outbox.offer(topic("AUDIT"), record);
        }

        @Override
        public void event(GatewayEvent event) {
            outbox.offer(topic("EVENT"), event);
        }

        @Override
        public boolean ack(Acknowledgement ack) {
            boolean stored = outbox.offer(topic("ACK"), ack);
            if (!stored) {
                LOG.log(
                        Level.ERROR,
                        "acknowledgement of command " + ack.commandId() + " (" + ack.state()
                                + ") refused: the acknowledgement queue is full");
            }
            return stored;
        }

        @Override
        public void state(GatewayState state) {
            if (link != null) {
                link.publishState(state);
            }
        }
    }

    /** Commands and policy announcements from the broker. */
    private final class Downlink implements MqttLink.Listener {
        @Override
        public void onCommand(Command c) {
            String id = c.commandId();
            Uplink up = new BrokerUplink();
            CommandJournal.Entry seen = journal.get(id);
            Instant now = Instant.now();
            if (seen != null) {
                if (seen.state().isTerminal()) {
                    up.ack(ack(id, seen.state(), seen.reason())); // a replay: its outcome again, not applied again
                }
                return; // still being carried out: its terminal state follows
            }
            if (c.expiredAt(now)) {
                String why = "arrived at " + now + ", after it expired at " + c.expiresAt();
                journal.put(id, Acknowledgement.State.EXPIRED, why);
                up.ack(ack(id, Acknowledgement.State.EXPIRED, why));
                return;
            }
            if (!up.ack(ack(id, Acknowledgement.State.RECEIVED, null))) {
                return; // cannot answer it, so it is not applied (counted in the outbox's refused acks)
            }
            journal.put(id, Acknowledgement.State.RECEIVED, null);
            loop.submit(() -> {
                ControlLoop.Outcome o;
                try {
                    o = loop.execute(c, Instant.now());
                } catch (RuntimeException e) {
                    o = new ControlLoop.Outcome(Acknowledgement.State.FAILED, e.toString());
                }
                journal.put(id, o.state(), o.reason());
                up.ack(ack(id, o.state(), o.reason()));
            });
        }

        private Acknowledgement ack(String commandId, Acknowledgement.State state, String reason) {
            return new Acknowledgement(MessageIds.newId(), config.gatewayId(), Instant.now(), commandId, state, reason);
        }

        @Override
        public void onPolicy(PolicyAnnouncement a) {
            rollout.announce(a);
        }

        @Override
        public void onRejected(String topic, String why) {
            loop.event(
                    GatewayEvent.Severity.WARNING,
                    "message_rejected",
                    "a message on " + topic + " was refused: " + why,
                    null);
        }

        @Override
        public void onConnected() {
            loop.event(
                    GatewayEvent.Severity.INFO,
                    "connected",
                    "connected to " + config.mqtt().url(),
                    null);
        }
    }
}
