package systems.rala.env.core;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Auxiliary numbers an environment reports with each step — reward terms, KPIs, diagnostics — by name.
 * Reused from step to step: {@link #put} allocates nothing once a key has been seen (keys are meant to be
 * constants), {@link #clear()} empties it without forgetting the slots.
 */
public final class Info {

    private String[] keys = new String[16];
    private double[] values = new double[16];
    private boolean[] present = new boolean[16];
    private int slots;

    /** Sets {@code key} to {@code value}. */
    public void put(String key, double value) {
        for (int i = 0; i < slots; i++) {
            if (keys[i] == key || keys[i].equals(key)) {
                values[i] = value;
                present[i] = true;
                return;
            }
        }
        if (slots == keys.length) {
            keys = Arrays.copyOf(keys, slots * 2);
            values = Arrays.copyOf(values, slots * 2);
            present = Arrays.copyOf(present, slots * 2);
        }
        keys[slots] = key;
        values[slots] = value;
        present[slots] = true;
        slots++;
    }

    /** The value of {@code key}, or NaN if it was not set since the last {@link #clear()}. */
    public double get(String key) {
        for (int i = 0; i < slots; i++) {
            if (present[i] && keys[i].equals(key)) {
                return values[i];
            }
        }
        return Double.NaN;
    }

    /** Whether {@code key} was set since the last {@link #clear()}. */
    public boolean has(String key) {
        for (int i = 0; i < slots; i++) {
            if (present[i] && keys[i].equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Forgets every value (keeping the slots, so the next puts allocate nothing). */
    public void clear() {
        Arrays.fill(present, 0, slots, false);
    }

    /** Copies every present value of {@code other} into this one (after clearing it). */
    public void copyFrom(Info other) {
        if (other == this) {
            return; // clearing first would empty both
        }
        clear();
        for (int i = 0; i < other.slots; i++) {
            if (other.present[i]) {
                put(other.keys[i], other.values[i]);
            }
        }
    }

    /** The present values as a map (allocates; for logs and reports). */
    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < slots; i++) {
            if (present[i]) {
                m.put(keys[i], values[i]);
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
