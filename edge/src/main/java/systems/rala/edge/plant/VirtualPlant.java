package systems.rala.edge.plant;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import systems.rala.edge.config.ConfigException;
import systems.rala.edge.config.PointSpec;
import systems.rala.runtime.observation.Units;
import systems.rala.twin.sim.Simulation;
import systems.rala.twin.tomato.TomatoModel;
import systems.rala.twin.weather.WeatherFiles;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.generator.GeneratorParams;
import systems.rala.twin.weather.generator.WeatherGenerator;

/**
 * The tomato twin as a site: GreenLight's greenhouse (twin-physics {@link TomatoModel}) on its weather, advanced
 * in real time or faster, its sensors and actuators served on the point map's Modbus TCP and BACnet/IP devices.
 * What the gateway writes to an actuator point is the model's input from the next integration step on; what it
 * reads is the state after the last step. A writable point that drives no model input (a set-point register of
 * the climate computer, say) is kept and read back as written.
 *
 * <p>Thread-safe: the stepping thread and the servers' threads meet on this object's lock. {@link #advance}
 * steps it by hand (tests, benchmarks) instead of {@link #start()}'s clock.
 */
public final class VirtualPlant implements AutoCloseable {

    private static final Logger LOG = System.getLogger(VirtualPlant.class.getName());

    private final PlantConfig config;
    private final Simulation sim;
    private final java.time.ZoneOffset offset;
    private final Map<String, Binding> bindings = new HashMap<>();
    /** Values served instead of the twin's, by point name: a faulty sensor ({@link #force}). */
    private final Map<String, Double> forced = new HashMap<>();

    private final double[] inputs = new double[TomatoModel.INPUTS];
    private final List<PlantServer> servers = new ArrayList<>();
    private final double stepSeconds;
    private Thread stepper;
    private volatile boolean running;
    private volatile String stoppedBecause;
    private volatile long lastStepNanos;
    private long steps;

    /** One point of the map, bound to a signal of the twin or to a memory cell. */
    private static final class Binding {
        final PointSpec point;
        final PlantSignals.Signal signal;
        /** Plant unit → point unit: value × scale + offset. */
        final double scale;

        final double offset;
        /** The value last written, in the point's unit (memory points and actuators). */
        double written;

        Binding(PointSpec point, PlantSignals.Signal signal) {
            this.point = point;
            this.signal = signal;
            double[] c = signal == null ? new double[] {1, 0} : Units.conversion(signal.unit(), point.unit());
            this.scale = c[0];
            this.offset = c[1];
        }
    }

    /**
     * A plant for {@code config}: builds the weather and the model, binds every point (an error names a point the
     * twin cannot serve and the signals it has) but opens no port yet.
     */
    public VirtualPlant(PlantConfig config) {
        this(config, Clock.systemUTC());
    }

    VirtualPlant(PlantConfig config, Clock wall) {
        this.config = config;
        WeatherSeries weather;
        LocalDateTime start;
        if (config.weatherFile() != null) {
            weather = WeatherFiles.read(config.weatherFile(), config.weatherMapping());
            this.offset = weather.site().standardOffset();
            start = config.start() != null ? config.start() : LocalDateTime.ofInstant(wall.instant(), offset);
        } else {
            GeneratorParams params = GeneratorParams.builtIn(config.weatherGenerator());
            this.offset = params.site().standardOffset();
            start = config.start() != null ? config.start() : LocalDateTime.ofInstant(wall.instant(), offset);
            LocalDate from = start.toLocalDate().minusDays(1);
            weather =
                    new WeatherGenerator(params).generate(config.weatherSeed(), from, from.plusDays(config.days() + 2));
        }
        start = start.truncatedTo(ChronoUnit.SECONDS);
        weather.requireCovers(start, Duration.ofDays(config.days()));
        TomatoModel nominal = config.model().equals("hps") ? TomatoModel.hps() : TomatoModel.led();
        TomatoModel model = new TomatoModel(
                nominal.id(),
                nominal.parameters().with("hElevation", weather.site().elevationM()));
        this.sim = Simulation.of(model, weather, start);
        this.stepSeconds = config.step().toMillis() / 1000.0;
        List<String> problems = new ArrayList<>();
        for (PointSpec p : config.pointMap().points()) {
            PlantSignals.Signal s = PlantSignals.SIGNALS.get(p.name());
            if (s == null && p.access().readable() && !p.access().writable()) {
                problems.add(p.name() + ": the twin has no such signal");
                continue;
            }
            if (s != null && s.sensor() != null && p.access().writable()) {
                problems.add(p.name() + ": a sensor of the twin, not writable");
                continue;
            }
            try {
                Binding b = new Binding(p, s);
                bindings.put(p.name(), b);
                if (p.access().writable()) {
                    b.written = p.startup();
                }
            } catch (IllegalArgumentException e) {
                problems.add(p.name() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("the virtual plant cannot serve the point map:\n  "
                    + String.join("\n  ", problems) + "\nits signals: " + PlantSignals.names());
        }
        applyInputs();
    }

    /** The configuration. */
    public PlantConfig config() {
        return config;
    }

    /** Opens every device's server and, unless {@code manual}, starts advancing the twin on the wall clock. */
    public synchronized void start(boolean manual) {
        if (!servers.isEmpty()) {
            throw new IllegalStateException("the plant is already started");
        }
        try {
            for (PlantConfig.Server s : config.devices().values()) {
                List<PointSpec> points = config.pointMap().onDevice(s.name());
                servers.add(PlantServers.open(s, points, this));
            }
        } catch (RuntimeException e) {
            closeServers();
            throw e;
        }
        if (!manual) {
            running = true;
            stepper = new Thread(this::run, "virtual-plant");
            stepper.setDaemon(true);
            stepper.start();
        }
    }

    /** Opens the servers and advances on the wall clock. */
    public void start() {
        start(false);
    }

    /** The ports the servers listen on, by device name (after {@link #start}). */
    public synchronized Map<String, Integer> ports() {
        Map<String, Integer> m = new HashMap<>();
        for (PlantServer s : servers) {
            m.put(s.device(), s.port());
        }
        return m;
    }

    private void run() {
        long wall0 = System.nanoTime();
        double sim0 = simTime();
        while (running) {
            double next;
            synchronized (this) {
                next = sim.time() + stepSeconds;
            }
            long due = wall0 + (long) ((next - sim0) / config.speed() * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (!running) {
                return;
            }
            try {
                advance(stepSeconds);
            } catch (IllegalArgumentException e) {
                // the weather ran out (or the model refused its inputs): the plant stands still, readings freeze
                stoppedBecause = e.getMessage();
                LOG.log(Level.ERROR, "virtual plant stopped at " + siteTime() + ": " + e.getMessage());
                running = false;
            }
        }
    }

    /** Why the stepping thread stopped on its own, or null. */
    public String stoppedBecause() {
        return stoppedBecause;
    }

    /** Advances the twin by {@code seconds} of simulated time, in steps of at most the configured step. */
    public synchronized void advance(double seconds) {
        double left = seconds;
        while (left > 1e-9) {
            double dt = Math.min(stepSeconds, left);
            applyInputs();
            sim.step(dt);
            steps++;
            left -= dt;
        }
        lastStepNanos = System.nanoTime(); // under the lock: the clock never runs ahead of the next step
    }

    private void applyInputs() {
        java.util.Arrays.fill(inputs, 0);
        for (Binding b : bindings.values()) {
            if (b.signal != null && b.signal.input() >= 0) {
                double v = (b.written - b.offset) / b.scale; // point unit → fraction
                inputs[b.signal.input()] = Math.max(0, Math.min(1, Double.isFinite(v) ? v : 0));
            }
        }
        sim.setInputs(inputs);
    }

    /** Integration steps taken so far. */
    public synchronized long steps() {
        return steps;
    }

    /** Simulated seconds since the start. */
    public synchronized double simTime() {
        return sim.time();
    }

    /**
     * The site clock [ms since the epoch]: the simulated time, and while the plant runs on the wall clock, carried on
     * between integration steps by the wall time since the last one (at most a step), so that a gateway polling more
     * often than the plant steps sees its clock move.
     */
    private double clockMillis() {
        double ms = siteTime().toEpochMilli();
        if (running && lastStepNanos != 0) {
            double since = (System.nanoTime() - lastStepNanos) / 1e6 * config.speed();
            ms += Math.min(Math.max(since, 0), stepSeconds * 1000);
        }
        return Math.floor(ms / 1000) * 1000;
    }

    /** The plant's time now (its local standard time at the weather site's offset, as an instant). */
    public synchronized Instant siteTime() {
        return sim.start().toInstant(offset).plusMillis(Math.round(sim.time() * 1000));
    }

    /** The value of point {@code name} now, in the point's unit. */
    public synchronized double value(String name) {
        Binding b = binding(name);
        Double fault = forced.get(name);
        if (fault != null) {
            return fault;
        }
        if (b.signal == null || (b.signal.sensor() == null && b.signal.input() >= 0)) {
            return b.written;
        }
        double raw;
        if (b.signal.sensor() == null) {
            raw = clockMillis() / 1000; // the clock, whole seconds
        } else {
            raw = b.signal.sensor().value(sim.stateView(), sim.weatherNow());
        }
        return raw * b.scale + b.offset;
    }

    /** The model input {@code input} (a fraction) in effect now. */
    public synchronized double input(int input) {
        return sim.input(input);
    }

    /**
     * Writes {@code value} (the point's unit) to point {@code name}, as a device does when the gateway writes it.
     *
     * @throws IllegalArgumentException if the point is not writable
     */
    public synchronized void write(String name, double value) {
        Binding b = binding(name);
        if (!b.point.access().writable()) {
            throw new IllegalArgumentException(name + " is read-only");
        }
        b.written = value;
    }

    /**
     * Serves {@code value} (the point's unit; NaN or beyond the point's limits allowed) for point {@code name}
     * instead of the twin's, as a broken or miscalibrated sensor would, until {@link #unforce}. A value the point's
     * register type cannot hold is saturated by the Modbus slave (a NaN of an integer register reads 0). For tests
     * and demonstrations of how bad readings are handled; the twin itself is not affected.
     *
     * @throws IllegalArgumentException if the plant has no such point
     */
    public synchronized void force(String name, double value) {
        binding(name);
        forced.put(name, value);
    }

    /** Serves the twin's value of point {@code name} again. */
    public synchronized void unforce(String name) {
        forced.remove(name);
    }

    private Binding binding(String name) {
        Binding b = bindings.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no point " + name + " in the plant's point map");
        }
        return b;
    }

    @Override
    public void close() {
        running = false;
        Thread t = stepper;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            closeServers();
        }
    }

    private void closeServers() {
        for (PlantServer s : servers) {
            s.close();
        }
        servers.clear();
    }
}
