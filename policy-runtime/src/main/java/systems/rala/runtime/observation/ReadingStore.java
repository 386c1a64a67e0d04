package systems.rala.runtime.observation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest value of every named reading of a site, in the unit the point was registered with, and when
 * it was measured. Field-bus drivers and message handlers {@link #put} readings as they arrive; the control
 * tick assembles observations from it. Putting by slot allocates nothing; every method is synchronised, so
 * drivers and the tick may run on different threads.
 */
public final class ReadingStore {

    /** Timestamp of a point that has never been read. */
    public static final long NEVER = Long.MIN_VALUE;

    private final Map<String, Integer> slots = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> units = new ArrayList<>();
    private double[] values = new double[16];
    private long[] times = new long[16];

    /**
     * Registers a point (idempotent for the same unit) and returns its slot.
     *
     * @param name the reading's name, e.g. {@code air_temperature}
     * @param unit the unit its values are stored in, e.g. {@code °C}
     * @throws IllegalArgumentException if {@code name} is registered with another unit
     */
    public synchronized int register(String name, String unit) {
        Integer s = slots.get(name);
        if (s != null) {
            if (!Units.normalise(units.get(s)).equals(Units.normalise(unit))) {
                throw new IllegalArgumentException(
                        "reading " + name + " is registered in '" + units.get(s) + "', not '" + unit + "'");
            }
            return s;
        }
        int slot = names.size();
        if (slot == values.length) {
            values = java.util.Arrays.copyOf(values, 2 * slot);
            times = java.util.Arrays.copyOf(times, 2 * slot);
        }
        names.add(name);
        units.add(unit);
        values[slot] = Double.NaN;
        times[slot] = NEVER;
        slots.put(name, slot);
        return slot;
    }

    /** The slot of {@code name}, or -1 if it is not registered. */
    public synchronized int slot(String name) {
        Integer s = slots.get(name);
        return s == null ? -1 : s;
    }

    /** The unit of the point in {@code slot}. */
    public synchronized String unit(int slot) {
        return units.get(slot);
    }

    /** The name of the point in {@code slot}. */
    public synchronized String name(int slot) {
        return names.get(slot);
    }

    /** Number of registered points. */
    public synchronized int size() {
        return names.size();
    }

    /**
     * Stores a reading in its registered unit.
     *
     * @param slot from {@link #register}
     * @param value the value (non-finite values are stored and reported as such by the assembler)
     * @param timeMillis when it was measured [ms since the epoch]
     */
    public synchronized void put(int slot, double value, long timeMillis) {
        if (slot < 0 || slot >= names.size()) {
            throw new IllegalArgumentException("no reading in slot " + slot + " (" + names.size() + " registered)");
        }
        values[slot] = value;
        times[slot] = timeMillis;
    }

    /**
     * Stores a reading given in any unit convertible to the registered one, registering {@code name} with
     * {@code unit} if it is new.
     *
     * @throws IllegalArgumentException if {@code unit} does not convert to the registered unit
     */
    public synchronized void put(String name, double value, String unit, long timeMillis) {
        int slot = slot(name);
        if (slot < 0) {
            slot = register(name, unit);
        }
        double[] c = Units.conversion(unit, units.get(slot));
        put(slot, value * c[0] + c[1], timeMillis);
    }

    /** The latest value in {@code slot} (NaN if never read). */
    public synchronized double value(int slot) {
        return values[slot];
    }

    /** When the value in {@code slot} was measured [ms since the epoch], or {@link #NEVER}. */
    public synchronized long time(int slot) {
        return times[slot];
    }
}
