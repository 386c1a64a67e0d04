package systems.rala.edge.loop;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import systems.rala.edge.bus.FieldBusDriver;
import systems.rala.edge.bus.ReadResult;
import systems.rala.edge.bus.WriteResult;
import systems.rala.edge.config.GatewayConfig;
import systems.rala.edge.config.PointSpec;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.control.rules.RuleBasedSettings;
import systems.rala.runtime.observation.ReadingStore;
import systems.rala.runtime.observation.Units;
import systems.rala.runtime.policy.DecisionPolicy;
import systems.rala.runtime.safety.SafetyConfig;
import systems.rala.runtime.safety.SafetyLayer;
import systems.rala.runtime.safety.SafetyLayerStage;
import systems.rala.runtime.tick.ControlTick;
import systems.rala.runtime.tick.FallbackSupervisor;
import systems.rala.runtime.tick.TickRecord;
import systems.rala.runtime.wire.Acknowledgement;
import systems.rala.runtime.wire.Command;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.runtime.wire.GatewayEvent;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.runtime.wire.MessageIds;
import systems.rala.runtime.wire.Quality;
import systems.rala.runtime.wire.Reading;
import systems.rala.runtime.wire.TelemetryBatch;

/**
 * The gateway's control loop. Every tick it polls every readable point, judges each reading, runs the policy
 * runtime's {@link ControlTick} (policy or rule-based fall-back, then overrides, the safety layer and the point
 * limits) and writes the commands to their points; it then hands the readings, the tick's audit record and any
 * events to the {@link Uplink}.
 *
 * <ul>
 *   <li><b>Start-up.</b> Before the first tick every writable point is written its {@code startup} value, and the
 *       safety layer continues from those values (its rate limits start there).
 *   <li><b>Readings.</b> A failed read, a value that is not finite, one outside the point's [min, max], or one
 *       unchanged for the point's {@code staleAfter} is quality BAD and is not acted on: the store gets NaN (or,
 *       for a failed read, nothing, so the reading ages into STALE), which the tick's observation assembly
 *       reports and answers with the fall-back.
 *   <li><b>Watchdog.</b> A policy decision has its budget ({@link GuardedPolicy}); a tick that overruns its
 *       budget is reported ({@code tick_overrun}) and the policy's next decision fails, so the fall-back acts until
 *       the policy has been healthy for the stable period again.
 *   <li><b>Commands and policy swaps</b> run on the loop's thread between ticks ({@link #submit}).
 * </ul>
 *
 * <p>{@link #tickOnce()} runs one tick on the caller's thread (tests, benchmarks) when the loop is not started.
 */
public final class ControlLoop implements AutoCloseable {

    private static final Logger LOG = System.getLogger(ControlLoop.class.getName());

    private final GatewayConfig config;
    private final GatewayConfig.Control control;
    private final String gatewayId;
    private final Map<String, FieldBusDriver> drivers;
    private final Uplink uplink;
    private final SavedState saved;
    private final ReadingStore store = new ReadingStore();
    private final List<PointSpec> readable;
    private final Map<String, List<PointSpec>> readableByDevice = new LinkedHashMap<>();
    private final Map<String, Integer> slot = new HashMap<>();
    private final Map<String, Health> health = new HashMap<>();
    private final AdjustableRules rules;
    private final OverrideStage stage;
    private final ControlTick tick;
    private final List<Point> commands;
    private final PointSpec[] commandPoint;
    /** Command unit → point unit: value × scale + offset. */
    private final double[] toPointScale;

    private final double[] toPointOffset;
    private final String[] writeProblem;
    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Object stateLock = new Object();

    private GuardedPolicy policy;
    private GuardedPolicy previous;
    private Thread thread;
    private Thread watchdog;
    private volatile boolean running;
    private volatile long tickStartedNanos;
    private volatile long overrunReportedFor;
    private volatile boolean tickNow;
    private long ticks;
    private long overruns;
    private long siteMillis = Long.MIN_VALUE;
    private long siteMillisAtNanos;
    private volatile ControlMode mode;
    private volatile FallbackSupervisor.Reason lastReason;
    private volatile TickRecord lastRecord;
    private volatile Instant lastTickAt;
    private volatile GatewayState lastState;

    /** What the loop knows about one readable point between ticks. */
    private static final class Health {
        double lastValue = Double.NaN;
        long unchangedSince;
        String problem; // null when GOOD
    }

    /**
     * A loop for {@code config} over {@code drivers} (by device name), sending to {@code uplink}, keeping its own
     * state under {@code config.store().dir()}.
     *
     * @throws IllegalArgumentException if the site cannot feed the rule-based controller's readings in their units
     *     or the safety configuration does not match the commands (the message names every problem)
     */
    public ControlLoop(GatewayConfig config, Map<String, FieldBusDriver> drivers, Uplink uplink) throws IOException {
        this.config = config;
        this.control = config.control();
        this.gatewayId = config.gatewayId();
        this.drivers = Map.copyOf(drivers);
        this.uplink = uplink;
        this.saved = new SavedState(config.store().dir().resolve("state.properties"));
        this.readable = config.points().readable();
        for (PointSpec p : readable) {
            slot.put(p.name(), store.register(p.name(), p.unit()));
            readableByDevice.computeIfAbsent(p.device(), d -> new ArrayList<>()).add(p);
            health.put(p.name(), new Health());
        }
        SafetyConfig safetyConfig =
                control.safety() == null ? SafetyConfig.greenhouseDefaults() : SafetyConfig.load(control.safety());
        this.rules = new AdjustableRules(RuleBasedSettings.katzin2021());
        List<Point> cmds = rules.commands();
        safetyConfig.requireMatches(cmds);
        int n = cmds.size();
        this.commands = cmds;
        this.commandPoint = new PointSpec[n];
        this.toPointScale = new double[n];
        this.toPointOffset = new double[n];
        this.writeProblem = new String[n];
        double[] low = new double[n];
        double[] high = new double[n];
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Point c = cmds.get(i);
            PointSpec p = config.points().point(c.name()).orElse(null);
            low[i] = Double.NEGATIVE_INFINITY;
            high[i] = Double.POSITIVE_INFINITY;
            if (p == null || !p.access().writable()) {
                continue; // the site has no such actuator: the command is decided and audited, not written
            }
            try {
                double[] conv = Units.conversion(c.unit(), p.unit());
                toPointScale[i] = conv[0];
                toPointOffset[i] = conv[1];
                commandPoint[i] = p;
                low[i] = Math.min(toCommand(i, p.min()), toCommand(i, p.max()));
                high[i] = Math.max(toCommand(i, p.min()), toCommand(i, p.max()));
            } catch (IllegalArgumentException e) {
                problems.add(c.name() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "the point map's actuators do not fit the commands:\n  " + String.join("\n  ", problems));
        }
        SafetyLayerStage safety = new SafetyLayerStage(new SafetyLayer(safetyConfig));
        this.stage = new OverrideStage(safety, cmds, low, high);
        ControlTick.Builder b = ControlTick.builder(store)
                .fallback(rules)
                .safety(stage)
                .stableTicks(control.stableTicks())
                .defaultMaxAge(control.maxAge());
        this.tick = b.build();
        // the safety layer continues from the start-up values: its rate limits start there
        double[] startup = new double[n];
        for (int i = 0; i < n; i++) {
            startup[i] = commandPoint[i] == null
                    ? cmds.get(i).min()
                    : clamp(
                            toCommand(i, commandPoint[i].startup()),
                            cmds.get(i).min(),
                            cmds.get(i).max());
        }
        safety.layer().restore(startup);
        restoreOperatorSettings();
        this.mode = ControlMode.FALLBACK;
        this.lastReason = FallbackSupervisor.Reason.POLICY_NOT_LOADED;
    }

    private double toCommand(int i, double pointValue) {
        return (pointValue - toPointOffset[i]) / toPointScale[i];
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private void restoreOperatorSettings() {
        saved.withPrefix("setpoint.").forEach((name, value) -> {
            try {
                rules.set(
                        name,
                        Double.parseDouble(value),
                        AdjustableRules.SETTINGS.get(name).unit());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "saved set-point " + name + " = " + value + " ignored: " + e.getMessage());
            }
        });
        saved.withPrefix("override.").forEach((name, value) -> {
            int i = commandIndex(name);
            if (i >= 0 && commandPoint[i] != null) {
                stage.override(i, Double.parseDouble(value));
            }
        });
    }

    /** The tick's command points, in order. */
    public List<Point> commands() {
        return commands;
    }

    private int commandIndex(String name) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- policies

    /**
     * Makes {@code p} (named {@code version}) the acting policy; the current one is kept as the previous version.
     * Call on the loop's thread ({@link #submit}) or before {@link #start()}.
     *
     * @throws IllegalArgumentException if the site cannot feed it or its actions are no known form (the current
     *     policy stays)
     */
    public void swapPolicy(DecisionPolicy p, String version) {
        GuardedPolicy g = new GuardedPolicy(p, version, control.policyBudget());
        try {
            tick.load(g);
        } catch (IllegalArgumentException e) {
            g.close();
            throw e;
        }
        if (previous != null && previous != policy) {
            previous.close();
        }
        previous = policy;
        policy = g;
        String requested = saved.get("mode");
        if (requested != null && requested.equals("advisory")) {
            tick.requestMode(ControlMode.ADVISORY);
        }
    }

    /**
     * Goes back to the previous policy version, if there is one; the current becomes the previous. Call on the loop's
     * thread.
     *
     * @return the version now acting, or null if there was none to go back to
     */
    public String rollback() {
        if (previous == null) {
            return null;
        }
        GuardedPolicy back = previous;
        tick.load(back);
        previous = policy;
        policy = back;
        return back.version();
    }

    /** The acting policy's version, or null. */
    public String policyVersion() {
        GuardedPolicy p = policy;
        return p == null ? null : p.version();
    }

    /** The previous policy's version (the one a rollback returns to), or null. */
    public String previousPolicyVersion() {
        GuardedPolicy p = previous;
        return p == null ? null : p.version();
    }

    /** The acting policy, or null. */
    public GuardedPolicy policy() {
        return policy;
    }

    // ---------------------------------------------------------------- the loop

    /** Writes the start-up values and starts ticking on the loop's own thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the control loop is already started");
        }
        running = true;
        thread = new Thread(this::run, "control-loop");
        thread.start();
        watchdog = new Thread(this::watch, "control-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Runs {@code task} on the loop's thread between ticks (or now, on this thread, if the loop is not started). */
    public void submit(Runnable task) {
        if (thread == null) {
            task.run();
        } else {
            inbox.add(task);
        }
    }

    /** Runs {@code task} on the loop's thread and waits for its result. */
    public <T> T call(Supplier<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        submit(() -> {
            try {
                f.complete(task.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(5, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the control loop did not run the task: " + e, e);
        }
    }

    /** Asks for a tick as soon as the current task is done (after an operator changed something). */
    public void tickSoon() {
        tickNow = true;
        inbox.add(() -> {});
    }

    private void run() {
        try {
            writeStartup();
            long interval = control.tick().toNanos();
            long next = System.nanoTime();
            while (running) {
                long wait = next - System.nanoTime();
                if (wait > 0 && !tickNow) {
                    Runnable r = inbox.poll(wait, TimeUnit.NANOSECONDS);
                    if (r != null) {
                        runTask(r);
                        continue;
                    }
                }
                Runnable r;
                while ((r = inbox.poll()) != null) {
                    runTask(r);
                }
                if (!running) {
                    break;
                }
                tickNow = false;
                tickOnce();
                next += interval;
                if (next < System.nanoTime()) {
                    next = System.nanoTime() + interval; // behind (an overrun): the next tick is a full interval on
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "control loop stopped: " + e, e);
            event(GatewayEvent.Severity.ALARM, "loop_stopped", "the control loop stopped: " + e, null);
            throw e;
        }
    }

    private void runTask(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "task on the control loop failed: " + e, e);
        }
    }

    private void watch() {
        while (running) {
            try {
                Thread.sleep(Math.max(5, control.tickBudget().toMillis() / 10));
            } catch (InterruptedException e) {
                return;
            }
            long started = tickStartedNanos;
            if (started != 0
                    && started != overrunReportedFor
                    && System.nanoTime() - started > control.tickBudget().toNanos()) {
                overrunReportedFor = started;
                overran("the tick has been running for more than its budget of "
                        + control.tickBudget().toMillis() + " ms");
            }
        }
    }

    private void overran(String why) {
        synchronized (this) {
            overruns++;
        }
        GuardedPolicy p = policy;
        if (p != null) {
            p.trip(why + "; the fall-back acts until the policy is stable again");
        }
        event(GatewayEvent.Severity.WARNING, "tick_overrun", why, null);
    }

    /** Writes every writable point its start-up value (the defined state before the first tick). */
    public void writeStartup() {
        List<String> failed = new ArrayList<>();
        for (PointSpec p : config.points().writable()) {
            FieldBusDriver d = drivers.get(p.device());
            WriteResult r = d.write(p, p.startup());
            if (r instanceof WriteResult.Failure f) {
                failed.add(p.name() + ": " + f.reason());
            }
        }
        if (failed.isEmpty()) {
            event(GatewayEvent.Severity.INFO, "startup", "every output set to its start-up value", null);
        } else {
            event(
                    GatewayEvent.Severity.ALARM,
                    "startup_write_failed",
                    "start-up values not written: " + String.join("; ", failed),
                    null);
        }
    }

    /** One tick: read, judge, decide, write, report. Not thread-safe: the loop's thread, or a caller when stopped. */
    public TickRecord tickOnce() {
        long t0 = System.nanoTime();
        tickStartedNanos = t0;
        try {
            Map<String, ReadResult> results = readAll();
            long now = siteNow(results);
            List<Reading> telemetry = new ArrayList<>();
            for (PointSpec p : readable) {
                judge(p, results.get(p.name()), now, telemetry);
            }
            LocalDateTime local = LocalDateTime.ofEpochSecond(
                    Math.floorDiv(now, 1000), (int) Math.floorMod(now, 1000) * 1_000_000, control.standardOffset());
            double secondOfDay = local.toLocalTime().toNanoOfDay() / 1e9;
            TickRecord record = tick.tick(now, secondOfDay, local.getDayOfYear());
            writeCommands(tick.safeCommands());
            Instant at = Instant.ofEpochMilli(now);
            synchronized (this) {
                ticks++;
            }
            lastRecord = record;
            lastTickAt = at;
            if (!telemetry.isEmpty()) {
                uplink.telemetry(new TelemetryBatch(MessageIds.newId(), gatewayId, Instant.now(), telemetry));
            }
            uplink.audit(record.toWire(MessageIds.newId(), gatewayId, Instant.now()));
            modeChanges(record);
            long every = Math.max(1, 300_000 / Math.max(1, control.tick().toMillis()));
            if (ticks() % every == 1 || every == 1) {
                LOG.log(Level.INFO, summary(record));
            }
            long took = System.nanoTime() - t0;
            if (took > control.tickBudget().toNanos() && overrunReportedFor != t0) {
                overrunReportedFor = t0; // late, and the watchdog had not seen it (or is not running)
                overran("the tick took " + took / 1_000_000 + " ms, more than its budget of "
                        + control.tickBudget().toMillis() + " ms");
            }
            return record;
        } finally {
            tickStartedNanos = 0;
        }
    }

    /** One line about a tick for the log, every five minutes of wall time. */
    private String summary(TickRecord r) {
        StringBuilder b = new StringBuilder("tick ")
                .append(ticks())
                .append(" at ")
                .append(r.tickAt())
                .append(": ")
                .append(r.mode().name().toLowerCase());
        if (r.mode() == ControlMode.FALLBACK) {
            b.append(" (").append(r.fallbackReason().name().toLowerCase()).append(')');
        }
        Double air = r.readings().get("air_temperature");
        if (air != null) {
            b.append(String.format(java.util.Locale.ROOT, ", air %.2f °C", air));
        }
        b.append(", commands");
        r.safeCommands().forEach((k, v) -> b.append(String.format(java.util.Locale.ROOT, " %s=%.3f", k, v)));
        if (!r.interventions().isEmpty()) {
            b.append(", interventions ").append(r.interventions());
        }
        return b.toString();
    }

    private Map<String, ReadResult> readAll() {
        Map<String, ReadResult> out = new HashMap<>();
        readableByDevice.forEach((device, points) -> {
            for (ReadResult r : drivers.get(device).read(points)) {
                out.put(r.point().name(), r);
            }
        });
        return out;
    }

    /** The tick's time: the site clock point's, or the gateway's clock. */
    private long siteNow(Map<String, ReadResult> results) {
        if (control.clockPoint() == null) {
            return System.currentTimeMillis();
        }
        ReadResult r = results.get(control.clockPoint());
        if (r instanceof ReadResult.Value v && Double.isFinite(v.value()) && v.value() > 0) {
            siteMillis = Math.round(v.value() * 1000);
            siteMillisAtNanos = System.nanoTime();
            return siteMillis;
        }
        if (siteMillis == Long.MIN_VALUE) {
            return System.currentTimeMillis();
        }
        return siteMillis + (System.nanoTime() - siteMillisAtNanos) / 1_000_000; // carried on by the wall clock
    }

    private void judge(PointSpec p, ReadResult r, long now, List<Reading> telemetry) {
        Health h = health.get(p.name());
        int s = slot.get(p.name());
        String problem;
        double value = Double.NaN;
        if (r instanceof ReadResult.Failure f) {
            problem = "read failed: " + f.reason(); // nothing stored: the last value ages into STALE
        } else {
            value = ((ReadResult.Value) r).value();
            if (!Double.isFinite(value)) {
                problem = "not a number (" + value + ")";
            } else if (!p.plausible(value)) {
                problem = value + " " + p.unit() + " is outside [" + p.min() + ", " + p.max() + "]";
            } else if (p.staleAfter() != null
                    && value == h.lastValue
                    && now - h.unchangedSince >= p.staleAfter().toMillis()) {
                problem = "unchanged at " + value + " " + p.unit() + " for " + (now - h.unchangedSince) / 60_000
                        + " min (stale after " + p.staleAfter().toMinutes() + " min)";
            } else {
                problem = null;
            }
            if (value != h.lastValue) {
                h.lastValue = value;
                h.unchangedSince = now;
            }
            store.put(s, problem == null ? value : Double.NaN, now);
        }
        if (problem != null && h.problem == null) {
            event(
                    GatewayEvent.Severity.WARNING,
                    "reading_bad",
                    p.name() + ": " + problem + "; marked bad and not acted on",
                    p.name());
        } else if (problem == null && h.problem != null) {
            event(GatewayEvent.Severity.INFO, "reading_good", p.name() + " is good again", p.name());
        }
        h.problem = problem;
        if (p.telemetry()) {
            telemetry.add(new Reading(
                    p.name(),
                    Double.isFinite(value) ? value : Double.NaN,
                    p.unit(),
                    Instant.ofEpochMilli(now),
                    problem == null ? Quality.GOOD : Quality.BAD));
        }
    }

    private void writeCommands(double[] safe) {
        for (int i = 0; i < safe.length; i++) {
            PointSpec p = commandPoint[i];
            if (p == null) {
                continue;
            }
            double v = safe[i] * toPointScale[i] + toPointOffset[i];
            WriteResult r = drivers.get(p.device()).write(p, v);
            String problem = r instanceof WriteResult.Failure f ? f.reason() : null;
            if (problem != null && writeProblem[i] == null) {
                event(GatewayEvent.Severity.ALARM, "write_failed", p.name() + ": " + problem, p.name());
            } else if (problem == null && writeProblem[i] != null) {
                event(GatewayEvent.Severity.INFO, "write_good", p.name() + " is written again", p.name());
            }
            writeProblem[i] = problem;
        }
    }

    private void modeChanges(TickRecord r) {
        ControlMode m = r.mode();
        FallbackSupervisor.Reason why = r.fallbackReason();
        if (m != mode) {
            if (m == ControlMode.FALLBACK && policy != null) {
                event(
                        GatewayEvent.Severity.WARNING,
                        "fallback_entered",
                        "the rule-based controller acts: "
                                + why.name().toLowerCase()
                                + (r.problems().isEmpty() ? "" : " (" + String.join("; ", r.problems()) + ")"),
                        null);
            } else if (m == ControlMode.POLICY) {
                event(GatewayEvent.Severity.INFO, "policy_acting", "policy " + policyVersion() + " acts", null);
            }
            mode = m;
            lastReason = why;
            publishState();
        } else {
            lastReason = why;
        }
    }

    // ---------------------------------------------------------------- commands

    /**
     * What became of a command.
     *
     * @param state APPLIED, REJECTED, EXPIRED or FAILED
     * @param reason why, for people (required for REJECTED and FAILED)
     */
    public record Outcome(Acknowledgement.State state, String reason) {}

    /**
     * Carries out {@code c} and says what became of it. Call on the loop's thread ({@link #call}). Set-point and
     * mode changes and overrides take effect from the next tick, which runs at once.
     */
    public Outcome execute(Command c, Instant now) {
        if (c.expiredAt(now)) {
            return new Outcome(Acknowledgement.State.EXPIRED, "expired at " + c.expiresAt());
        }
        Outcome o = switch (c.action()) {
            case SETPOINT -> setPoint(c);
            case OVERRIDE -> override(c);
            case RELEASE -> release(c);
            case MODE -> mode(c.mode());
        };
        if (o.state() == Acknowledgement.State.APPLIED) {
            tickSoon();
            publishState();
        }
        return o;
    }

    private Outcome setPoint(Command c) {
        try {
            double v = rules.set(c.target(), c.value(), c.unit());
            saved.put("setpoint." + c.target(), Double.toString(v));
            return new Outcome(
                    Acknowledgement.State.APPLIED,
                    c.target() + " = " + v + " "
                            + AdjustableRules.SETTINGS.get(c.target()).unit() + " for the rule-based controller");
        } catch (IllegalArgumentException e) {
            return new Outcome(Acknowledgement.State.REJECTED, e.getMessage());
        }
    }

    private Outcome override(Command c) {
        int i = commandIndex(c.target());
        if (i < 0 || commandPoint[i] == null) {
            return new Outcome(
                    Acknowledgement.State.REJECTED,
                    "no actuator " + c.target() + " is written by this" + " gateway; it writes " + writtenCommands());
        }
        PointSpec p = commandPoint[i];
        double pointValue;
        try {
            double[] conv = Units.conversion(c.unit(), p.unit());
            pointValue = c.value() * conv[0] + conv[1];
        } catch (IllegalArgumentException e) {
            return new Outcome(Acknowledgement.State.REJECTED, c.target() + ": " + e.getMessage());
        }
        if (!p.plausible(pointValue)) {
            return new Outcome(
                    Acknowledgement.State.REJECTED,
                    c.target() + ": " + pointValue + " " + p.unit() + " is outside [" + p.min() + ", " + p.max() + "]");
        }
        double v = toCommand(i, pointValue);
        stage.override(i, v);
        saved.put("override." + c.target(), Double.toString(v));
        return new Outcome(
                Acknowledgement.State.APPLIED,
                c.target() + " held at " + pointValue + " " + p.unit() + " (through the safety layer) until released");
    }

    private Outcome release(Command c) {
        int i = commandIndex(c.target());
        if (i < 0 || Double.isNaN(stage.override(i))) {
            return new Outcome(Acknowledgement.State.REJECTED, c.target() + " is not overridden");
        }
        stage.override(i, Double.NaN);
        saved.put("override." + c.target(), null);
        return new Outcome(Acknowledgement.State.APPLIED, c.target() + " released");
    }

    private Outcome mode(ControlMode m) {
        switch (m) {
            case FALLBACK -> {
                return new Outcome(
                        Acknowledgement.State.REJECTED,
                        "fallback is entered by the gateway itself, not"
                                + " requested; ask for manual, or unload the policy");
            }
            case ADVISORY -> {
                if (policy == null) {
                    return new Outcome(Acknowledgement.State.REJECTED, "advisory mode needs a policy; none is loaded");
                }
                tick.requestMode(ControlMode.ADVISORY);
            }
            case MANUAL -> {
                tick.setManual(tick.safeCommands().clone()); // hold the outputs where they are
                tick.requestMode(ControlMode.MANUAL);
            }
            case POLICY -> tick.requestMode(ControlMode.POLICY);
        }
        saved.put("mode", m.name().toLowerCase());
        return new Outcome(Acknowledgement.State.APPLIED, "mode " + m.name().toLowerCase() + " requested");
    }

    private List<String> writtenCommands() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            if (commandPoint[i] != null) {
                out.add(commands.get(i).name());
            }
        }
        return out;
    }

    /** Restores the requested mode saved before a restart (after the start-up policy is loaded). */
    public void restoreMode() {
        String m = saved.get("mode");
        if (m == null) {
            m = control.mode();
        }
        if (m.equals("advisory") && policy != null) {
            tick.requestMode(ControlMode.ADVISORY);
        } else if (m.equals("manual")) {
            tick.setManual(tick.safeCommands().clone());
            tick.requestMode(ControlMode.MANUAL);
        }
    }

    // ---------------------------------------------------------------- state and events

    /** Sends an event now. */
    public void event(GatewayEvent.Severity severity, String code, String text, String point) {
        Instant now = Instant.now();
        String t = text.length() > 2000 ? text.substring(0, 1997) + "..." : text;
        LOG.log(severity == GatewayEvent.Severity.INFO ? Level.INFO : Level.WARNING, code + ": " + t);
        uplink.event(new GatewayEvent(MessageIds.newId(), gatewayId, now, now, severity, code, t, point));
    }

    /** The gateway's state now. */
    public GatewayState state(boolean online) {
        ControlMode m = mode;
        String version = policyVersion();
        if ((m == ControlMode.POLICY || m == ControlMode.ADVISORY) && version == null) {
            m = ControlMode.FALLBACK;
        }
        return new GatewayState(MessageIds.newId(), gatewayId, Instant.now(), online, m, version, lastTickAt);
    }

    /** Publishes the state now (it changed, or a heartbeat is due). */
    public void publishState() {
        GatewayState s = state(true);
        synchronized (stateLock) {
            lastState = s;
        }
        uplink.state(s);
    }

    /** The last tick's record, or null before the first. */
    public TickRecord lastRecord() {
        return lastRecord;
    }

    /** Ticks run so far. */
    public synchronized long ticks() {
        return ticks;
    }

    /** Ticks that overran their budget so far. */
    public synchronized long overruns() {
        return overruns;
    }

    /** The reading store the ticks read (tests). */
    public ReadingStore store() {
        return store;
    }

    /** The settings of the rule-based controller now. */
    public RuleBasedSettings ruleSettings() {
        return rules.settings();
    }

    /** The data folder. */
    public Path dataDir() {
        return config.store().dir();
    }

    /** Stops ticking (the current tick finishes) and closes the policies; the drivers belong to the caller. */
    @Override
    public void close() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            inbox.add(() -> {});
            try {
                t.join(config.control().tick().toMillis() + 10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (watchdog != null) {
            watchdog.interrupt();
        }
        if (policy != null) {
            policy.close();
        }
        if (previous != null && previous != policy) {
            previous.close();
        }
    }
}
