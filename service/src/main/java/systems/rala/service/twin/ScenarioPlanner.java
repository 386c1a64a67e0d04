package systems.rala.service.twin;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import systems.rala.env.agents.Agent;
import systems.rala.env.agents.HasBaselines;
import systems.rala.env.agents.OnnxAgent;
import systems.rala.env.core.Env;
import systems.rala.env.core.EnvRegistry;
import systems.rala.service.policy.ManifestView;
import systems.rala.service.policy.PolicyRegistry;
import systems.rala.service.policy.PolicyVersion;
import systems.rala.service.web.Problems;
import systems.rala.twin.weather.generator.GeneratorParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns a submitted what-if scenario into a runnable plan: checks every field (naming each one at fault),
 * resolves a policy version or alias in the facility's registry, merges the environment options the policy
 * was trained with (as `rala eval` does) with the scenario's, and builds the environment, resets it and
 * loads the controller once, so a scenario the twin would refuse is refused now rather than in the job.
 */
@Component
class ScenarioPlanner {

    static final String RULE_BASED = "rule-based";
    static final List<String> SPLITS = List.of("train", "validation", "test");
    private static final Pattern MONTH_DAY = Pattern.compile("\\d{2}-\\d{2}");
    private static final Pattern WEATHER = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final PolicyRegistry registry;
    private final TwinProperties props;
    private final ObjectMapper json;

    ScenarioPlanner(PolicyRegistry registry, TwinProperties props, ObjectMapper json) {
        this.registry = registry;
        this.props = props;
        this.json = json;
    }

    /**
     * A what-if scenario as submitted.
     *
     * @param environment an rl-env greenhouse environment id
     * @param controller {@code "rule-based"} (or another of the environment's baselines), or {@code {"policy":
     *     NAME, "version": N}} or {@code {"policy": NAME, "alias": ALIAS}} from the facility's registry
     * @param weather the built-in weather generator's site (default {@code amsterdam}, the only one built in)
     * @param split which generated weather years: {@code train}, {@code validation} (default) or {@code test}
     * @param start first day, {@code MM-DD} (tomato: within the season from 27 September; lettuce: default
     *     02-09); left out, the tomato environment draws one from the seed
     * @param periodDays simulated period, days
     * @param seed evaluation seed; the episode is reset with the first seed it draws, as `rala eval --seed`
     *     does (default 0)
     */
    record ScenarioBody(
            String environment,
            JsonNode controller,
            String weather,
            String split,
            String start,
            Integer periodDays,
            Long seed) {}

    /**
     * A checked scenario.
     *
     * @param options the environment options the controller runs with
     * @param baselineOptions the options of the rule-based comparison run; null when there is none (the
     *     controller is a baseline itself)
     * @param scenario what is stored and shown: the scenario as resolved (policy id, version and digest)
     */
    record Plan(
            TwinEnvironment env,
            int periodDays,
            long episodeSeed,
            Map<String, String> options,
            TwinRun.Controller controller,
            Map<String, String> baselineOptions,
            Map<String, Object> scenario) {}

    Plan plan(UUID facilityId, ScenarioBody body) {
        List<Map<String, String>> errors = new ArrayList<>();
        TwinEnvironment env = null;
        if (body.environment() == null || body.environment().isBlank()) {
            errors.add(Problems.error("environment", "is required: one of " + TwinEnvironment.ids()));
        } else {
            env = TwinEnvironment.of(body.environment().strip()).orElse(null);
            if (env == null) {
                errors.add(Problems.error("environment", "must be one of " + TwinEnvironment.ids()));
            }
        }
        int maxDays = Math.min(props.maxPeriodDays(), env == null ? Integer.MAX_VALUE : env.maxDays());
        if (body.periodDays() == null) {
            errors.add(Problems.error("periodDays", "is required, 1 to " + maxDays));
        } else if (body.periodDays() < 1 || body.periodDays() > maxDays) {
            errors.add(Problems.error("periodDays", "must be between 1 and " + maxDays));
        }
        String start = body.start() == null || body.start().isBlank()
                ? null
                : body.start().strip();
        if (start != null) {
            if (!MONTH_DAY.matcher(start).matches()) {
                errors.add(Problems.error("start", "must be a day of the year as MM-DD"));
            } else {
                try {
                    MonthDay.parse("--" + start);
                } catch (DateTimeException e) {
                    errors.add(Problems.error("start", start + " is not a day of the year"));
                }
            }
        }
        String weather = body.weather() == null
                ? TwinEnvironment.DEFAULT_WEATHER
                : body.weather().strip();
        if (!WEATHER.matcher(weather).matches()) {
            errors.add(Problems.error("weather", "must name a built-in weather generator, e.g. amsterdam"));
        } else if (env == TwinEnvironment.LETTUCE && !weather.equals(TwinEnvironment.DEFAULT_WEATHER)) {
            errors.add(Problems.error("weather", env.id() + " runs on the built-in amsterdam generator only"));
        } else {
            try {
                GeneratorParams.builtIn(weather);
            } catch (IllegalArgumentException e) {
                errors.add(Problems.error("weather", e.getMessage()));
            }
        }
        String split = body.split() == null ? "validation" : body.split().strip();
        if (!SPLITS.contains(split)) {
            errors.add(Problems.error("split", "must be one of " + String.join(", ", SPLITS)));
        }
        long seed = body.seed() == null ? 0 : body.seed();
        ControllerChoice choice = controller(facilityId, body.controller(), errors);
        if (!errors.isEmpty()) {
            throw new ScenarioInvalid(errors);
        }

        Map<String, String> scenarioOptions = env.options(start, body.periodDays(), weather, split);
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, Object> resolved = new LinkedHashMap<>();
        TwinRun.Controller controller;
        if (choice.policy() == null) {
            controller = TwinRun.Controller.baseline(choice.baseline());
            resolved.put("baseline", choice.baseline());
        } else {
            PolicyVersion p = choice.policy();
            ManifestView manifest = json.readValue(p.manifestJson(), ManifestView.class);
            if (!manifest.envId().equals(env.id())) {
                throw ScenarioInvalid.of(
                        "controller",
                        "policy " + p.label() + " was trained on " + manifest.envId() + ", the scenario runs "
                                + env.id());
            }
            options.putAll(trainedOptions(env, p, manifest.envOptions()));
            controller = TwinRun.Controller.policy(registry.file(p), p.label());
            resolved.put("policy", p.name());
            resolved.put("version", p.version());
            if (choice.alias() != null) {
                resolved.put("alias", choice.alias());
            }
            resolved.put("policyId", p.id());
            resolved.put("sha256", p.sha256());
        }
        options.putAll(scenarioOptions);
        long episodeSeed = TwinRun.episodeSeed(seed);
        Map<String, String> baselineOptions = null;
        probe(env, options, controller, episodeSeed, start != null);
        if (choice.policy() != null) {
            // a residual policy corrects the rule-based controller; its baseline drives the same plant through
            // set-points (the residual form offers only the zero correction, the same controller)
            baselineOptions = new LinkedHashMap<>(options);
            if ("residual".equals(baselineOptions.get("action_mode"))) {
                baselineOptions.put("action_mode", "setpoint");
            }
            if (!hasRuleBased(env, baselineOptions)) {
                baselineOptions = null;
            }
        }

        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("environment", env.id());
        scenario.put("controller", resolved);
        scenario.put("weather", weather);
        scenario.put("split", split);
        scenario.put("start", start);
        scenario.put("periodDays", body.periodDays());
        scenario.put("seed", seed);
        scenario.put("episodeSeed", episodeSeed);
        scenario.put("options", options);
        if (baselineOptions != null) {
            scenario.put("baselineOptions", baselineOptions);
        }
        return new Plan(env, body.periodDays(), episodeSeed, options, controller, baselineOptions, scenario);
    }

    /** A baseline by name, or a policy version from the registry. */
    private record ControllerChoice(String baseline, PolicyVersion policy, String alias) {}

    private ControllerChoice controller(UUID facilityId, JsonNode c, List<Map<String, String>> errors) {
        String usage =
                "'" + RULE_BASED + "', {\"policy\": NAME, \"version\": N} or {\"policy\": NAME, \"alias\": ALIAS}";
        if (c == null || c.isNull() || c.isMissingNode()) {
            errors.add(Problems.error("controller", "is required: " + usage));
            return new ControllerChoice(null, null, null);
        }
        if (c.isString()) {
            String name = c.stringValue().strip();
            if (name.isEmpty()) {
                errors.add(Problems.error("controller", "is required: " + usage));
            }
            return new ControllerChoice(name, null, null);
        }
        if (!c.isObject()) {
            errors.add(Problems.error("controller", "must be " + usage));
            return new ControllerChoice(null, null, null);
        }
        JsonNode name = c.get("policy");
        JsonNode version = c.get("version");
        JsonNode alias = c.get("alias");
        if (name == null || !name.isString() || name.stringValue().isBlank()) {
            errors.add(Problems.error("controller.policy", "is required: the policy's name in this facility"));
            return new ControllerChoice(null, null, null);
        }
        String policy = name.stringValue().strip();
        boolean hasVersion = version != null && !version.isNull();
        boolean hasAlias = alias != null && !alias.isNull();
        if (hasVersion == hasAlias) {
            errors.add(Problems.error("controller", "give exactly one of version and alias"));
            return new ControllerChoice(null, null, null);
        }
        if (hasVersion) {
            if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
                errors.add(Problems.error("controller.version", "must be a version number, 1 or more"));
                return new ControllerChoice(null, null, null);
            }
            Optional<PolicyVersion> p = registry.find(facilityId, policy, version.intValue());
            if (p.isEmpty()) {
                errors.add(Problems.error(
                        "controller.version",
                        "policy " + policy + " has no version " + version.intValue() + " in this facility"));
                return new ControllerChoice(null, null, null);
            }
            return new ControllerChoice(null, p.get(), null);
        }
        if (!alias.isString() || !ALIAS.matcher(alias.stringValue()).matches()) {
            errors.add(Problems.error("controller.alias", "must be an alias such as champion"));
            return new ControllerChoice(null, null, null);
        }
        Optional<PolicyVersion> p = registry.findByAlias(facilityId, policy, alias.stringValue());
        if (p.isEmpty()) {
            errors.add(Problems.error(
                    "controller.alias",
                    "policy " + policy + " has no alias " + alias.stringValue() + " in this facility"));
            return new ControllerChoice(null, null, null);
        }
        return new ControllerChoice(null, p.get(), alias.stringValue());
    }

    /**
     * The options a policy was trained with ({@code key=value;...} in its manifest), without those the
     * scenario decides (period, start, weather, split). An option naming a file is refused: the service
     * reads no file a manifest names.
     */
    private static Map<String, String> trainedOptions(TwinEnvironment env, PolicyVersion p, String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return out;
        }
        for (String kv : encoded.split(";")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = kv.substring(0, eq).strip();
            String value = kv.substring(eq + 1).strip();
            if (env.ownedByScenario(key)) {
                continue;
            }
            if (value.contains("/") || value.contains("\\")) {
                throw ScenarioInvalid.of(
                        "controller",
                        "policy " + p.label() + " was trained with option " + key + " = " + value
                                + ", a file; the service runs only built-in inputs");
            }
            out.put(key, value);
        }
        return out;
    }

    /** Builds the environment, resets it and loads the controller, mapping a refusal to the field at fault. */
    private static void probe(
            TwinEnvironment twin,
            Map<String, String> options,
            TwinRun.Controller controller,
            long episodeSeed,
            boolean startGiven) {
        try (Env env = EnvRegistry.make(twin.id(), options)) {
            env.reset(episodeSeed);
            Agent agent = controller.agent(env);
            if (agent instanceof OnnxAgent policy) {
                policy.close();
            }
        } catch (IllegalArgumentException e) {
            throw ScenarioInvalid.of(field(e.getMessage(), controller, startGiven), e.getMessage());
        } catch (IOException e) {
            throw ScenarioInvalid.of("controller", e.getMessage());
        }
    }

    private static String field(String message, TwinRun.Controller controller, boolean startGiven) {
        String m = message == null ? "" : message;
        if (controller.policyFile() != null && m.startsWith("policy ")) {
            return "controller"; // the policy's points do not match the environment's
        }
        if (startGiven && m.contains("start")) {
            return "start";
        }
        if (m.contains("option episode_days")) {
            return "periodDays";
        }
        if (m.contains("option split")) {
            return "split";
        }
        if (m.contains("option site") || m.contains("weather")) {
            return "weather";
        }
        if (m.contains("baseline")) {
            return "controller";
        }
        return "environment";
    }

    private static boolean hasRuleBased(TwinEnvironment twin, Map<String, String> options) {
        try (Env env = EnvRegistry.make(twin.id(), options)) {
            return env instanceof HasBaselines hb && hb.baselines().contains(RULE_BASED);
        }
    }
}
