package systems.rala.runtime.tick;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.Controller;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.control.rules.RuleBasedClimateController;
import systems.rala.runtime.observation.ObservationAssembler;
import systems.rala.runtime.observation.ReadingStore;
import systems.rala.runtime.policy.DecisionPolicy;
import systems.rala.runtime.wire.ControlMode;

/**
 * One control decision, the same on a gateway and in the service: readings → decision (policy, advisory,
 * manual or fall-back) → safety layer → commands, with an audit record.
 *
 * <ol>
 *   <li>The fall-back controller's readings are taken from the {@link ReadingStore} (NaN where missing or
 *       stale; the rule-based controller then holds its last value) and it decides every tick, so it is
 *       warm when it has to take over.
 *   <li>If a policy is loaded, its observation is assembled ({@link ObservationAssembler}); when every
 *       component is usable and within the training range, the policy runs and its action becomes commands
 *       through {@link PolicyActuation}.
 *   <li>The {@link FallbackSupervisor} decides whether the policy may act: not when it is missing, failed,
 *       lacked readings or saw something far outside its training range, and only after a stable period
 *       when it recovers.
 *   <li>The requested mode picks the acting commands: {@code POLICY} — the policy's when allowed, else the
 *       fall-back's (mode {@code FALLBACK}); {@code ADVISORY} — the fall-back's, with the policy's action
 *       recorded beside them; {@code MANUAL} — the operator's.
 *   <li>The {@link SafetyStage} makes them safe; the {@link TickRecord} keeps everything.
 * </ol>
 *
 * <p>A tick allocates only its audit record. Not thread-safe: one control loop owns a tick.
 */
public final class ControlTick {

    private final ReadingStore store;
    private final Controller fallback;
    private final ObservationAssembler readingsAssembler;
    private final ControlInput readings;
    private final SafetyStage safety;
    private final FallbackSupervisor supervisor;
    private final List<Point> commandPoints;
    private final double[] fallbackCommands;
    private final double[] policyCommands;
    private final double[] manualCommands;
    private final double[] safeCommands;
    private final Duration defaultMaxAge;
    private final Map<String, Duration> maxAges;

    private DecisionPolicy policy;
    private ObservationAssembler observationAssembler;
    private PolicyActuation actuation;
    private double[] observation = new double[0];
    private double[] action = new double[0];
    private double[] previousAction = new double[0];
    private ControlMode requested = ControlMode.POLICY;
    private boolean manualSet;

    private ControlTick(Builder b) {
        this.store = b.store;
        this.fallback = b.fallback;
        this.safety = b.safety;
        this.supervisor = new FallbackSupervisor(b.stableTicks);
        this.defaultMaxAge = b.defaultMaxAge;
        this.maxAges = Map.copyOf(b.maxAges);
        this.commandPoints = fallback.commands();
        for (Point p : fallback.readings()) {
            if (store.slot(p.name()) < 0) {
                store.register(p.name(), p.unit()); // a site may register it first, in its own unit
            }
        }
        this.readingsAssembler = withAges(ObservationAssembler.builder(fallback.readings(), store))
                .unusableAsNaN()
                .outOfRangeMargin(10)
                .build();
        this.readings = new ControlInput(fallback.readings());
        int n = commandPoints.size();
        fallbackCommands = new double[n];
        policyCommands = new double[n];
        manualCommands = new double[n];
        safeCommands = new double[n];
        if (b.policy != null) {
            load(b.policy);
        }
    }

    private ObservationAssembler.Builder withAges(ObservationAssembler.Builder b) {
        b.defaultMaxAge(defaultMaxAge);
        maxAges.forEach(b::maxAge);
        return b;
    }

    /** A tick over {@code store}: the rule-based controller as fall-back, no policy yet. */
    public static Builder builder(ReadingStore store) {
        return new Builder(store);
    }

    /**
     * Loads (or swaps in) a policy. Its observations must all be fed by the store and its actions must be
     * one of {@link PolicyActuation}'s forms; otherwise the current policy stays and the error names every
     * gap.
     */
    public void load(DecisionPolicy p) {
        ObservationAssembler asm = withAges(
                        ObservationAssembler.builder(p.manifest().observations(), store))
                .actions(p.manifest().actions())
                .build();
        PolicyActuation act = new PolicyActuation(p.manifest().actions());
        this.policy = p;
        this.observationAssembler = asm;
        this.actuation = act;
        this.observation = new double[p.manifest().observations().size()];
        this.action = new double[p.manifest().actions().size()];
        this.previousAction = new double[action.length];
        act.reset();
    }

    /** Unloads the policy: the fall-back acts until another is loaded. */
    public void unload() {
        this.policy = null;
    }

    /** The loaded policy, or null. */
    public DecisionPolicy policy() {
        return policy;
    }

    /** Sets the mode the operator asks for: POLICY, ADVISORY or MANUAL (FALLBACK is never requested). */
    public void requestMode(ControlMode mode) {
        if (mode == ControlMode.FALLBACK) {
            throw new IllegalArgumentException("mode FALLBACK is entered by the tick itself, not requested");
        }
        if (mode == ControlMode.MANUAL && !manualSet) {
            throw new IllegalArgumentException("set the manual commands before requesting MANUAL mode");
        }
        this.requested = mode;
    }

    /** The operator's commands for MANUAL mode, one per command point, within their bounds. */
    public void setManual(double[] commands) {
        if (commands.length != manualCommands.length) {
            throw new IllegalArgumentException(
                    "manual commands: " + commands.length + " values for " + manualCommands.length + " commands");
        }
        for (int i = 0; i < commands.length; i++) {
            Point p = commandPoints.get(i);
            if (!(commands[i] >= p.min() && commands[i] <= p.max())) {
                throw new IllegalArgumentException("manual command " + p.name() + " = " + commands[i] + " is outside ["
                        + p.min() + ", " + p.max() + "]");
            }
        }
        System.arraycopy(commands, 0, manualCommands, 0, commands.length);
        manualSet = true;
    }

    /** The command points, in the order of the commands. */
    public List<Point> commandPoints() {
        return commandPoints;
    }

    /** The commands of the last tick after the safety layer (a live view; copy to keep). */
    public double[] safeCommands() {
        return safeCommands;
    }

    /**
     * Runs one tick.
     *
     * @param nowMillis the tick's time [ms since the epoch]
     * @param secondOfDay local standard time since midnight [s]
     * @param dayOfYear local day of year, 1–366
     */
    public TickRecord tick(long nowMillis, double secondOfDay, int dayOfYear) {
        long t0 = System.nanoTime();
        readingsAssembler.assemble(nowMillis, secondOfDay, dayOfYear, null, readings.values());
        readings.setClock(secondOfDay, dayOfYear);
        fallback.decide(readings, fallbackCommands);

        FallbackSupervisor.Reason problem = FallbackSupervisor.Reason.NONE;
        List<String> problems = List.of();
        boolean assembled = false;
        boolean ran = false;
        if (policy == null) {
            problem = FallbackSupervisor.Reason.POLICY_NOT_LOADED;
        } else {
            ObservationAssembler.Assembly a =
                    observationAssembler.assemble(nowMillis, secondOfDay, dayOfYear, previousAction, observation);
            assembled = true;
            if (!a.usable()) {
                problem = FallbackSupervisor.Reason.READINGS_UNUSABLE;
                problems = a.problems();
            } else if (!a.ok()) {
                problem = FallbackSupervisor.Reason.OUT_OF_TRAINING_RANGE;
                problems = a.problems();
            } else {
                try {
                    policy.act(observation, action);
                    ran = allFinite(action);
                    if (!ran) {
                        problem = FallbackSupervisor.Reason.POLICY_FAILED;
                        problems = List.of("the policy returned a non-finite action");
                    }
                } catch (RuntimeException e) {
                    problem = FallbackSupervisor.Reason.POLICY_FAILED;
                    problems = List.of("the policy failed: " + e.getMessage());
                }
                if (ran) {
                    actuation.setAction(action);
                    actuation.decide(readings, policyCommands);
                    System.arraycopy(action, 0, previousAction, 0, action.length);
                }
            }
        }
        boolean policyMayAct = supervisor.update(problem);

        ControlMode mode;
        double[] acting;
        switch (requested) {
            case MANUAL -> {
                mode = ControlMode.MANUAL;
                acting = manualCommands;
            }
            case ADVISORY -> {
                mode = ControlMode.ADVISORY;
                acting = fallbackCommands;
            }
            default -> {
                mode = policyMayAct && ran ? ControlMode.POLICY : ControlMode.FALLBACK;
                acting = mode == ControlMode.POLICY ? policyCommands : fallbackCommands;
            }
        }
        List<String> interventions = new ArrayList<>();
        safety.apply(nowMillis, commandPoints, readings, acting, safeCommands, interventions);
        long latencyMicros = (System.nanoTime() - t0) / 1000;

        return new TickRecord(
                Instant.ofEpochMilli(nowMillis),
                requested,
                mode,
                supervisor.reason(),
                problems,
                policy == null ? null : policy.manifest().contentHash(),
                named(fallback.readings(), readings.values()),
                assembled ? named(policy.manifest().observations(), observation) : Map.of(),
                ran ? named(policy.manifest().actions(), action) : Map.of(),
                named(commandPoints, acting),
                named(commandPoints, safeCommands),
                Collections.unmodifiableList(interventions),
                latencyMicros);
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Double> named(List<Point> points, double[] values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            m.put(points.get(i).name(), values[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Configures a {@link ControlTick}. */
    public static final class Builder {
        private final ReadingStore store;
        private Controller fallback = new RuleBasedClimateController();
        private SafetyStage safety;
        private DecisionPolicy policy;
        private int stableTicks = 3;
        private Duration defaultMaxAge = Duration.ofMinutes(5);
        private final Map<String, Duration> maxAges = new java.util.HashMap<>();

        private Builder(ReadingStore store) {
            this.store = store;
        }

        /** The policy to start with (default none: the fall-back acts). */
        public Builder policy(DecisionPolicy p) {
            this.policy = p;
            return this;
        }

        /**
         * The fall-back controller (default GreenLight's rule-based controller); its readings must be those
         * of {@link RuleBasedClimateController#READING_POINTS} and its commands are the tick's commands.
         */
        public Builder fallback(Controller c) {
            this.fallback = c;
            return this;
        }

        /** The safety layer (required; {@link SafetyStage#NONE} only in tests of the tick's own logic). */
        public Builder safety(SafetyStage s) {
            this.safety = s;
            return this;
        }

        /** Healthy ticks in a row before the policy acts again after a fall-back (default 3). */
        public Builder stableTicks(int n) {
            this.stableTicks = n;
            return this;
        }

        /** Maximum age of readings without their own (default 5 minutes). */
        public Builder defaultMaxAge(Duration age) {
            this.defaultMaxAge = age;
            return this;
        }

        /** Maximum age of reading or observation {@code name}. */
        public Builder maxAge(String name, Duration age) {
            this.maxAges.put(name, age);
            return this;
        }

        /** The tick; fails if no safety stage was given or the policy cannot be fed. */
        public ControlTick build() {
            if (safety == null) {
                throw new IllegalArgumentException("a control tick needs a safety stage");
            }
            return new ControlTick(this);
        }
    }
}
