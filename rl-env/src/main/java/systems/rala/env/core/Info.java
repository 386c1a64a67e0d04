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
    /** The slot after the last put: environments put the same keys in the same order every step. */
    private int cursor;

    /** Sets {@code key} to {@code value}. */
    public void put(String key, double value) {
        int c = cursor;
        if (c < slots && keys[c] == key) { // the usual case: the next key in last step's order
            values[c] = value;
            present[c] = true;
            cursor = c + 1;
            return;
        }
        for (int i = 0; i < slots; i++) {
            if (keys[i] == key) {
                values[i] = value;
                present[i] = true;
                cursor = i + 1;
                return;
            }
        }
        for (int i = 0; i < slots; i++) {
            if (keys[i].equals(key)) {
                values[i] = value;
                present[i] = true;
                cursor = i + 1;
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
        cursor = slots;
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
        cursor = 0;
    }

    /** Copies every present value of {@code other} into this one (after clearing it). */
    public void copyFrom(Info other) {
        if (other == this) {
            return; // clearing first would empty both
        }
        int n = other.slots;
        boolean sameKeys = slots == n;
        for (int i = 0; sameKeys && i < n; i++) {
            sameKeys = keys[i] == other.keys[i];
        }
        if (!sameKeys) { // take over the other's slots (allocates only to grow)
            if (keys.length < n) {
                keys = new String[other.keys.length];
                values = new double[other.keys.length];
                present = new boolean[other.keys.length];
            }
            System.arraycopy(other.keys, 0, keys, 0, n);
            Arrays.fill(keys, n, keys.length, null);
            slots = n;
        }
        System.arraycopy(other.values, 0, values, 0, n);
        System.arraycopy(other.present, 0, present, 0, n);
        cursor = 0;
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
