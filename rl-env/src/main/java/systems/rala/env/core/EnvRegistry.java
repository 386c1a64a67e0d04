package systems.rala.env.core;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Environments by id, each with a versioned configuration: {@code make("GreenhouseTomato-v0")} builds one
 * with its defaults, {@code make(id, options)} with options checked by name. A changed configuration gets a
 * new version, so an id always means the same task.
 */
public final class EnvRegistry {

    /**
     * A registered environment: its description, how to make it, and whether it takes a {@code split} option
     * (train / validation / test scenarios) that learners use to evaluate on held-out episodes.
     */
    public record Entry(String id, String description, boolean hasSplits, Function<EnvOptions, Env> factory) {}

    private static final Map<String, Entry> ENTRIES = Collections.synchronizedMap(new TreeMap<>());

    static {
        RegisteredEnvs.registerAll();
    }

    private EnvRegistry() {}

    /** Registers {@code id}, an environment without scenario splits; an id may be registered once. */
    public static void register(String id, String description, Function<EnvOptions, Env> factory) {
        register(id, description, false, factory);
    }

    /** Registers {@code id}; {@code hasSplits}: it takes the option {@code split=train|validation|test}. */
    public static void register(String id, String description, boolean hasSplits, Function<EnvOptions, Env> factory) {
        if (!id.matches("[A-Za-z][A-Za-z0-9]*-v\\d+")) {
            throw new IllegalArgumentException("environment id '" + id + "' must look like Name-v0");
        }
        if (ENTRIES.putIfAbsent(id, new Entry(id, description, hasSplits, factory)) != null) {
            throw new IllegalArgumentException("environment " + id + " is already registered");
        }
    }

    /** Makes {@code id} with its default configuration. */
    public static Env make(String id) {
        return make(id, EnvOptions.none());
    }

    /** Makes {@code id} with {@code options}; unknown ids and unknown or invalid options are errors. */
    public static Env make(String id, EnvOptions options) {
        Entry e = entry(id);
        Env env = e.factory().apply(options);
        try {
            options.requireAllUsed();
        } catch (IllegalArgumentException bad) {
            env.close(); // not handed out, so closed here
            throw new IllegalArgumentException(id + ": " + bad.getMessage(), bad);
        }
        return env;
    }

    /** Makes {@code id} with options given as a map. */
    public static Env make(String id, Map<String, String> options) {
        return make(id, new EnvOptions(options));
    }

    /** The entry of {@code id}; an error listing the registered ids if there is none. */
    public static Entry entry(String id) {
        Entry e = ENTRIES.get(id);
        if (e == null) {
            throw new IllegalArgumentException("no environment '" + id + "'; registered: " + ids());
        }
        return e;
    }

    /** The registered ids, sorted. */
    public static List<String> ids() {
        synchronized (ENTRIES) {
            return List.copyOf(ENTRIES.keySet());
        }
    }

    /** The registered environments, sorted by id. */
    public static List<Entry> entries() {
        synchronized (ENTRIES) {
            return List.copyOf(ENTRIES.values());
        }
    }
}
