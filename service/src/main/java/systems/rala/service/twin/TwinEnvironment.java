package systems.rala.service.twin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import systems.rala.env.core.Env;
import systems.rala.env.lettuce.LettuceEnv;
import systems.rala.env.tomato.TomatoEnv;

/**
 * The greenhouse environments of rl-env a what-if job can run, and how a scenario's start, period, weather
 * and split become each one's options (rl-env README: GreenhouseTomato-v0, GreenhouseLettuce-v0).
 */
enum TwinEnvironment {
    /** Options episode_days, start (MM-DD within the season from 27 September), site, split. */
    TOMATO("GreenhouseTomato-v0", 350, Set.of("episode_days", "start", "split", "site", "weather", "mapping")) {
        @Override
        Map<String, String> options(String start, int periodDays, String weather, String split) {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("episode_days", Integer.toString(periodDays));
            if (start != null) {
                o.put("start", start);
            }
            o.put("site", weather);
            o.put("split", split);
            return o;
        }

        @Override
        int steps(Env env, int periodDays) {
            // the environment truncates the episode after episode_days at its own step length (option dt)
            return ((TomatoEnv) env).episodeSteps();
        }
    },
    /**
     * A 40-day season at 30-minute steps; a shorter period stops early. Options start (MM-DD) and split; its
     * generated weather is always the built-in Amsterdam generator's.
     */
    LETTUCE(LettuceEnv.ID, 40, Set.of("start", "split", "scenario", "train_scenarios", "weather", "mapping")) {
        @Override
        Map<String, String> options(String start, int periodDays, String weather, String split) {
            Map<String, String> o = new LinkedHashMap<>();
            if (start != null) {
                o.put("start", start);
            }
            o.put("split", split);
            return o;
        }

        @Override
        int steps(Env env, int periodDays) {
            return (int) Math.round(periodDays * 86_400.0 / LettuceEnv.DT);
        }
    };

    /** The built-in weather generator every environment has (twin-physics' Amsterdam parameters). */
    static final String DEFAULT_WEATHER = "amsterdam";

    private final String id;
    private final int maxDays;
    private final Set<String> scenarioKeys;

    TwinEnvironment(String id, int maxDays, Set<String> scenarioKeys) {
        this.id = id;
        this.maxDays = maxDays;
        this.scenarioKeys = scenarioKeys;
    }

    String id() {
        return id;
    }

    /** The longest period this environment can simulate in one episode, days. */
    int maxDays() {
        return maxDays;
    }

    /**
     * Options the scenario decides: a policy's training options for these are overridden, and those naming
     * files are never taken from a manifest.
     */
    boolean ownedByScenario(String key) {
        return scenarioKeys.contains(key);
    }

    /** The environment options of a scenario. */
    abstract Map<String, String> options(String start, int periodDays, String weather, String split);

    /** Steps to simulate for {@code periodDays} on {@code env} (made with {@link #options}). */
    abstract int steps(Env env, int periodDays);

    static Optional<TwinEnvironment> of(String id) {
        for (TwinEnvironment e : values()) {
            if (e.id.equals(id)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static String ids() {
        return TOMATO.id + ", " + LETTUCE.id;
    }
}
