package systems.rala.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import systems.rala.env.agents.Agent;
import systems.rala.env.agents.HasBaselines;
import systems.rala.env.core.Env;
import systems.rala.env.core.EnvRegistry;
import systems.rala.env.core.Step;
import systems.rala.service.facility.Role;
import tools.jackson.databind.JsonNode;

/** API tests of the policy registry (upload, versions, aliases) and twin what-if jobs. */
interface PoliciesContract extends ServiceContract {

    /** The reward terms the greenhouse environments put in their info every step (rl-env README). */
    List<String> REWARD_TERMS =
            List.of("revenue", "heat_cost", "elec_cost", "co2_cost", "penalty_temp", "penalty_rh", "penalty_co2");

    /** Every policy and twin endpoint, with a version, an alias and a job made for them in {@code f}. */
    @EndpointCatalogue
    default List<Endpoint> policiesEndpoints(UUID f, String adminToken) {
        String base = "/api/v1/facilities/" + f;
        String pid = upload(f, adminToken, PolicyFiles.CONSTANT, "catalogued").text("id");
        assertThat(fx().api
                        .call(
                                "PUT",
                                base + "/policies/aliases/champion",
                                adminToken,
                                Map.of("name", "catalogued", "version", 1))
                        .status())
                .isIn(200);
        Map<String, Object> scenario = ruleBasedScenario(1, 1);
        Api.Response job = fx().api.call("POST", base + "/twin/jobs", adminToken, scenario);
        assertThat(job.status()).as(job.raw()).isEqualTo(202);
        String jid = job.text("id");
        return List.of(
                Endpoint.of("POST", base + "/policies", PolicyFiles.upload(PolicyFiles.WARM, "catalogued"), Role.ADMIN),
                Endpoint.of("GET", base + "/policies", null, Role.VIEWER),
                Endpoint.of("GET", base + "/policies/" + pid, null, Role.VIEWER),
                Endpoint.of("GET", base + "/policies/" + pid + "/file", null, Role.VIEWER),
                Endpoint.of("DELETE", base + "/policies/" + pid, null, Role.ADMIN),
                Endpoint.of("GET", base + "/policies/aliases", null, Role.VIEWER),
                Endpoint.of(
                        "PUT",
                        base + "/policies/aliases/challenger",
                        Map.of("name", "catalogued", "version", 1),
                        Role.ADMIN),
                Endpoint.of("DELETE", base + "/policies/aliases/champion?name=catalogued", null, Role.ADMIN),
                Endpoint.of("POST", base + "/twin/jobs", scenario, Role.OPERATOR),
                Endpoint.of("GET", base + "/twin/jobs", null, Role.VIEWER),
                Endpoint.of("GET", base + "/twin/jobs/" + jid, null, Role.VIEWER),
                Endpoint.of("POST", base + "/twin/jobs/" + jid + "/cancel", null, Role.OPERATOR));
    }

    // ------------------------------------------------------------------------------------------ registry

    @Test
    default void anUploadedPolicyIsCheckedStoredOnceAndServedWithItsDigest() {
        UUID f = fx().createFacility(fx().alice, "Policies upload");
        byte[] bytes = PolicyFiles.bytes(PolicyFiles.CONSTANT);
        String sha = PolicyFiles.sha256(bytes);
        long uploadsBefore = fx().audited("policy.uploaded", fx().aliceId);

        Api.Response first = upload(f, fx().alice, PolicyFiles.CONSTANT, "climate");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.text("name")).isEqualTo("climate");
        assertThat(first.body().path("version").asInt()).isEqualTo(1);
        assertThat(first.text("sha256")).isEqualTo(sha);
        assertThat(first.body().path("sizeBytes").asLong()).isEqualTo(bytes.length);
        assertThat(first.text("envId")).isEqualTo("GreenhouseTomato-v0");
        // the manifest as the runtime read it, against the environment's own spaces (rl-env, not the service)
        JsonNode manifest = first.body().path("manifest");
        try (Env env = EnvRegistry.make("GreenhouseTomato-v0")) {
            assertThat(first.body().path("observationSize").asInt())
                    .isEqualTo(env.observationSpace().size());
            assertThat(manifest.path("observations").findValuesAsString("name"))
                    .containsExactlyElementsOf(env.observationSpace().components().stream()
                            .map(c -> c.name())
                            .toList());
        }
        assertThat(manifest.path("actions").findValuesAsString("name"))
                .containsExactly("heating_setpoint", "ventilation_setpoint", "co2_setpoint", "lamps");
        assertThat(manifest.path("actions").get(2).path("high").asDouble()).isEqualTo(1600.0);
        assertThat(manifest.path("envOptions").asString()).isEqualTo("dt=900");
        assertThat(manifest.path("runId").asString()).isEqualTo("fixture-constant");
        assertThat(manifest.path("contentHash").asString()).hasSize(64).isNotEqualTo(sha);

        // the same bytes under the file's own name: the next version of another name, sharing the stored file
        Api.Response again = fx().api
                .call(
                        "POST",
                        "/api/v1/facilities/" + f + "/policies",
                        fx().alice,
                        PolicyFiles.upload(PolicyFiles.CONSTANT, null));
        assertThat(again.status()).as(again.raw()).isEqualTo(201);
        assertThat(again.text("name")).isEqualTo("tomato-constant");
        assertThat(again.text("sha256")).isEqualTo(sha);
        Api.Response v2 = upload(f, fx().alice, PolicyFiles.CONSTANT, "climate");
        assertThat(v2.body().path("version").asInt()).isEqualTo(2);
        if (fx() instanceof EmbeddedDefaultApiTest) {
            Path dir = EmbeddedDefaultApiTest.DATA_DIR.resolve("policies");
            assertThat(dir.resolve(sha + ".onnx")).hasBinaryContent(bytes);
            assertThat(filesIn(dir)).noneMatch(n -> n.endsWith(".tmp"));
        }

        PolicyFiles.Download file = PolicyFiles.download(
                fx().port, "/api/v1/facilities/" + f + "/policies/" + first.text("id") + "/file", fx().alice, null);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(bytes);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(file.headers().firstValue("ETag")).hasValue("\"" + sha + "\"");
        assertThat(file.headers().firstValue("Digest"))
                .hasValue("sha-256="
                        + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha)));
        PolicyFiles.Download unchanged = PolicyFiles.download(
                fx().port,
                "/api/v1/facilities/" + f + "/policies/" + first.text("id") + "/file",
                fx().alice,
                "\"" + sha + "\"");
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        List<String> listed = fx().api
                .call("GET", "/api/v1/facilities/" + f + "/policies?name=climate", fx().alice, null)
                .body()
                .findValuesAsString("id");
        assertThat(listed).containsExactly(v2.text("id"), first.text("id")); // newest version first
        assertThat(fx().audited("policy.uploaded", fx().aliceId)).isEqualTo(uploadsBefore + 3);
    }

    @Test
    default void aFileThatIsNotAUsableRalaPolicyIsRefusedWithTheRuntimesReason() {
        UUID f = fx().createFacility(fx().alice, "Policies refused");
        byte[] random = new byte[4096];
        new SplittableRandom(4).nextBytes(random);
        byte[] tampered = PolicyFiles.bytes(PolicyFiles.CONSTANT);
        // the last bytes are the manifest's content hash (hex): change one digit of it
        tampered[tampered.length - 1] = (byte) (tampered[tampered.length - 1] == '0' ? '1' : '0');
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("random.onnx", "not an ONNX model: at byte ");
        expected.put(PolicyFiles.NO_MANIFEST, "metadata key rala.content_hash is missing or empty");
        expected.put("tampered.onnx", "content hash mismatch");
        Map<String, byte[]> files = Map.of(
                "random.onnx",
                random,
                PolicyFiles.NO_MANIFEST,
                PolicyFiles.bytes(PolicyFiles.NO_MANIFEST),
                "tampered.onnx",
                tampered);
        expected.forEach((name, reason) -> {
            Api.Response r = fx().api
                    .call(
                            "POST",
                            "/api/v1/facilities/" + f + "/policies",
                            fx().alice,
                            PolicyFiles.upload(name, files.get(name), "bad"));
            assertThat(r.status()).as(name + ": " + r.raw()).isEqualTo(422);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.body().path("errors").get(0).path("field").asString()).isEqualTo("file");
            assertThat(r.body().path("errors").get(0).path("reason").asString())
                    .as(name)
                    .contains(reason)
                    .doesNotContain(".upload-"); // the temporary file's name is not the uploader's business
        });
        Api.Response noFile = fx().api
                .call(
                        "POST",
                        "/api/v1/facilities/" + f + "/policies",
                        fx().alice,
                        PolicyFiles.upload("x.onnx", null, "bad"));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.body().path("errors").get(0).path("field").asString()).isEqualTo("file");
        Api.Response empty = fx().api
                .call(
                        "POST",
                        "/api/v1/facilities/" + f + "/policies",
                        fx().alice,
                        PolicyFiles.upload("e.onnx", new byte[0], "bad"));
        assertThat(empty.status()).isEqualTo(422);
        Api.Response badName = fx().api
                .call(
                        "POST",
                        "/api/v1/facilities/" + f + "/policies",
                        fx().alice,
                        PolicyFiles.upload(PolicyFiles.CONSTANT, "../etc/passwd"));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.body().path("errors").get(0).path("field").asString())
                .isEqualTo("name");
        // nothing was recorded or left on disk
        assertThat(fx().api
                        .call("GET", "/api/v1/facilities/" + f + "/policies", fx().alice, null)
                        .body()
                        .size())
                .isZero();
        if (fx() instanceof EmbeddedDefaultApiTest) {
            assertThat(filesIn(EmbeddedDefaultApiTest.DATA_DIR.resolve("policies")))
                    .noneMatch(n -> n.endsWith(".tmp"))
                    .doesNotContain(PolicyFiles.sha256(tampered) + ".onnx", PolicyFiles.sha256(random) + ".onnx");
        }
    }

    /** The limit is rala.policies.max-file-size, 16 MiB by default. */
    @Test
    default void anUploadOverTheSizeLimitIsRefused() {
        UUID f = fx().createFacility(fx().alice, "Policies too large");
        byte[] big = new byte[16 * 1024 * 1024 + 1];
        Api.Response r = fx().api
                .call(
                        "POST",
                        "/api/v1/facilities/" + f + "/policies",
                        fx().alice,
                        PolicyFiles.upload("big.onnx", big, "big"));
        assertThat(r.status()).as(r.raw()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().path("errors").get(0).path("field").asString()).isEqualTo("file");
        assertThat(r.body().path("errors").get(0).path("reason").asString()).contains("16 MiB");
    }

    @Test
    default void versionsAreNumberedPerNameAndAnAliasedVersionCannotBeDeleted() {
        UUID f = fx().createFacility(fx().alice, "Policies aliases");
        String base = "/api/v1/facilities/" + f + "/policies";
        String v1 = upload(f, fx().alice, PolicyFiles.CONSTANT, "climate").text("id");
        String v2 = upload(f, fx().alice, PolicyFiles.WARM, "climate").text("id");
        assertThat(upload(f, fx().alice, PolicyFiles.WARM, "other")
                        .body()
                        .path("version")
                        .asInt())
                .isEqualTo(1);

        Api.Response set =
                fx().api.call("PUT", base + "/aliases/champion", fx().alice, Map.of("name", "climate", "version", 1));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.text("policyId")).isEqualTo(v1);
        Api.Response moved =
                fx().api.call("PUT", base + "/aliases/champion", fx().alice, Map.of("name", "climate", "version", 2));
        assertThat(moved.body().path("version").asInt()).isEqualTo(2);
        assertThat(fx().api
                        .call("GET", base + "/aliases?name=climate", fx().alice, null)
                        .body()
                        .findValuesAsString("alias"))
                .containsExactly("champion");
        assertThat(fx().api
                        .call("GET", base + "/" + v2, fx().alice, null)
                        .body()
                        .path("aliases")
                        .get(0)
                        .asString())
                .isEqualTo("champion");
        assertThat(fx().audited("policy.alias.moved", fx().aliceId)).isPositive();

        Api.Response refused = fx().api.call("DELETE", base + "/" + v2, fx().alice, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("errors").get(0).path("reason").asString())
                .contains("champion");
        assertThat(fx().api.call("DELETE", base + "/" + v1, fx().alice, null).status())
                .isEqualTo(204);
        assertThat(fx().api.call("GET", base + "/" + v1, fx().alice, null).status())
                .isEqualTo(404);
        // a deleted version's number is not handed out again
        String v3 = upload(f, fx().alice, PolicyFiles.CONSTANT, "climate").text("id");
        assertThat(fx().api.call("DELETE", base + "/" + v3, fx().alice, null).status())
                .isEqualTo(204);
        assertThat(upload(f, fx().alice, PolicyFiles.CONSTANT, "climate")
                        .body()
                        .path("version")
                        .asInt())
                .isEqualTo(4);

        Api.Response badAlias =
                fx().api.call("PUT", base + "/aliases/Champion!", fx().alice, Map.of("name", "climate", "version", 2));
        assertThat(badAlias.status()).isEqualTo(400);
        assertThat(badAlias.body().path("errors").get(0).path("field").asString())
                .isEqualTo("alias");
        Api.Response noVersion = fx().api
                .call("PUT", base + "/aliases/challenger", fx().alice, Map.of("name", "climate", "version", 99));
        assertThat(noVersion.status()).isEqualTo(422);
        assertThat(noVersion.body().path("errors").get(0).path("field").asString())
                .isEqualTo("version");
        assertThat(fx().api
                        .call("DELETE", base + "/aliases/champion", fx().alice, null)
                        .status())
                .isEqualTo(400); // which policy's champion?
        assertThat(fx().api
                        .call("DELETE", base + "/aliases/champion?name=climate", fx().alice, null)
                        .status())
                .isEqualTo(204);
        assertThat(fx().api
                        .call("DELETE", base + "/aliases/champion?name=climate", fx().alice, null)
                        .status())
                .isEqualTo(404);
        assertThat(fx().api.call("DELETE", base + "/" + v2, fx().alice, null).status())
                .isEqualTo(204);
        assertThat(fx().audited("policy.deleted", fx().aliceId)).isGreaterThanOrEqualTo(3);
    }

    // ------------------------------------------------------------------------------------------ twin jobs

    /**
     * The rule-based controller for one January day: the job's KPIs are those of the same episode run here
     * directly through rl-env (same options, the episode seed `rala eval --seed 7` would use).
     */
    @Test
    default void aRuleBasedJobReportsTheKpisOfTheSameEpisodeRunThroughRlEnv() {
        Api.Response submitted = fx().api
                .call(
                        "POST",
                        "/api/v1/facilities/" + fx().facilityA + "/twin/jobs",
                        fx().otto,
                        ruleBasedScenario(1, 7));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(202);
        assertThat(submitted.text("state")).isIn("QUEUED", "RUNNING");
        JsonNode job = finished(fx().facilityA, submitted.text("id"), fx().victor);
        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(job.path("result").path("baseline").isNull()).isTrue();

        Map<String, Object> expected = reference(tomatoOptions(1), null, 7);
        JsonNode result = job.path("result").path("controller");
        assertMatches(result, expected);
        // one day at the default 900 s step: 86 400 / 900
        assertThat(result.path("steps").asInt()).isEqualTo(96);
        // a January day in Amsterdam needs heating
        assertThat(result.path("kpis").path("heat_kwh_m2").asDouble()).isPositive();
        assertThat(fx().audited("twin.job.submitted", fx().ottoId)).isPositive();
    }

    /**
     * A constant policy from the registry, by version and by alias: its KPIs are those of the constant
     * action it always answers (17.5 °C, 25 °C, 1000 ppm, lamps off) run through rl-env, and the rule-based
     * baseline beside it those of the rule-based controller on the same episode.
     */
    @Test
    default void aPolicyJobRunsTheRegisteredPolicyBesideTheRuleBasedBaseline() {
        UUID f = fx().createFacility(fx().alice, "Twin policy");
        upload(f, fx().alice, PolicyFiles.CONSTANT, "climate");
        fx().api
                .call(
                        "PUT",
                        "/api/v1/facilities/" + f + "/policies/aliases/champion",
                        fx().alice,
                        Map.of("name", "climate", "version", 1));
        Map<String, Object> expectedPolicy = reference(withDt(tomatoOptions(1)), new double[] {17.5, 25, 1000, 0}, 3);
        Map<String, Object> expectedBaseline = reference(withDt(tomatoOptions(1)), null, 3);
        for (Map<String, Object> controller : List.of(
                Map.<String, Object>of("policy", "climate", "version", 1),
                Map.<String, Object>of("policy", "climate", "alias", "champion"))) {
            Map<String, Object> scenario = new LinkedHashMap<>(ruleBasedScenario(1, 3));
            scenario.put("controller", controller);
            Api.Response submitted =
                    fx().api.call("POST", "/api/v1/facilities/" + f + "/twin/jobs", fx().alice, scenario);
            assertThat(submitted.status()).as(submitted.raw()).isEqualTo(202);
            assertThat(submitted
                            .body()
                            .path("scenario")
                            .path("controller")
                            .path("version")
                            .asInt())
                    .isEqualTo(1);
            JsonNode job = finished(f, submitted.text("id"), fx().alice);
            assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
            assertMatches(job.path("result").path("controller"), expectedPolicy);
            assertMatches(job.path("result").path("baseline"), expectedBaseline);
            assertThat(job.path("result").path("controller").path("controller").asString())
                    .isEqualTo("climate v1");
        }
        // lamps off all day: no lamp electricity, where the rule-based controller lights a January day
        assertThat(kpis(expectedPolicy).get("elec_kwh_m2")).isZero();
        assertThat(kpis(expectedBaseline).get("elec_kwh_m2")).isPositive();
    }

    @Test
    default void aLettuceJobStopsAfterItsPeriod() {
        Map<String, Object> scenario = new LinkedHashMap<>(ruleBasedScenario(1, 5));
        scenario.put("environment", "GreenhouseLettuce-v0");
        scenario.put("start", "02-09");
        Api.Response submitted =
                fx().api.call("POST", "/api/v1/facilities/" + fx().facilityA + "/twin/jobs", fx().alice, scenario);
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(202);
        JsonNode job = finished(fx().facilityA, submitted.text("id"), fx().alice);
        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        // 86 400 s / 1 800 s per step, well before the 1 920-step season ends
        assertThat(job.path("result").path("controller").path("steps").asInt()).isEqualTo(48);
        assertThat(job.path("result").path("controller").path("kpis").has("profit_eur_m2"))
                .isTrue();
    }

    @Test
    default void anInvalidScenarioNamesEveryFieldAtFault() {
        UUID f = fx().createFacility(fx().alice, "Twin invalid");
        String jobs = "/api/v1/facilities/" + f + "/twin/jobs";
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("environment", "Pendulum-v1");
        bad.put("periodDays", 0);
        bad.put("start", "13-45");
        bad.put("split", "everything");
        bad.put("weather", "../../etc/weather.epw");
        Api.Response r = fx().api.call("POST", jobs, fx().alice, bad);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("environment", "periodDays", "start", "split", "weather", "controller");

        Map<String, Object> tooLong = new LinkedHashMap<>(ruleBasedScenario(61, 0));
        assertThat(fields(fx().api.call("POST", jobs, fx().alice, tooLong))).containsExactly("periodDays");
        Map<String, Object> noVersion = new LinkedHashMap<>(ruleBasedScenario(1, 0));
        noVersion.put("controller", Map.of("policy", "climate", "version", 3));
        assertThat(fields(fx().api.call("POST", jobs, fx().alice, noVersion))).containsExactly("controller.version");
        upload(f, fx().alice, PolicyFiles.PENDULUM, "swing");
        Map<String, Object> wrongEnv = new LinkedHashMap<>(ruleBasedScenario(1, 0));
        wrongEnv.put("controller", Map.of("policy", "swing", "version", 1));
        Api.Response mismatch = fx().api.call("POST", jobs, fx().alice, wrongEnv);
        assertThat(fields(mismatch)).containsExactly("controller");
        assertThat(mismatch.body().path("errors").get(0).path("reason").asString())
                .contains("Pendulum-v1");
        Map<String, Object> pastSeason = new LinkedHashMap<>(ruleBasedScenario(10, 0));
        pastSeason.put("start", "09-10"); // the tomato season runs from 27 September for 350 days
        assertThat(fields(fx().api.call("POST", jobs, fx().alice, pastSeason))).containsExactly("start");
        // nothing was queued
        assertThat(fx().api.call("GET", jobs, fx().alice, null).body().size()).isZero();
    }

    @Test
    default void aJobCanBeCancelledUntilItFinishes() {
        UUID f = fx().createFacility(fx().alice, "Twin cancel");
        Api.Response submitted =
                fx().api.call("POST", "/api/v1/facilities/" + f + "/twin/jobs", fx().alice, ruleBasedScenario(60, 0));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(202);
        String job = "/api/v1/facilities/" + f + "/twin/jobs/" + submitted.text("id");
        Api.Response cancelled = fx().api.call("POST", job + "/cancel", fx().alice, null);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.text("state")).isEqualTo("CANCELLED");
        assertThat(cancelled.body().path("finishedAt").isNull()).isFalse();
        JsonNode later = finished(f, submitted.text("id"), fx().alice);
        assertThat(later.path("state").asString()).isEqualTo("CANCELLED");
        assertThat(later.path("result").isNull()).isTrue();
        assertThat(later.path("progress").asDouble()).isLessThan(1.0);
        Api.Response again = fx().api.call("POST", job + "/cancel", fx().alice, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("errors").get(0).path("field").asString()).isEqualTo("state");
        assertThat(fx().audited("twin.job.cancelled", fx().aliceId)).isPositive();
        assertThat(fx().api
                        .call("GET", "/api/v1/facilities/" + f + "/twin/jobs", fx().alice, null)
                        .body()
                        .findValuesAsString("id"))
                .containsExactly(submitted.text("id"));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Api.Response upload(UUID f, String token, String fixture, String name) {
        Api.Response r = fx().api
                .call("POST", "/api/v1/facilities/" + f + "/policies", token, PolicyFiles.upload(fixture, name));
        assertThat(r.status()).as("upload " + fixture + ": " + r.raw()).isEqualTo(201);
        return r;
    }

    /** A rule-based tomato scenario from 15 January (day 110 of the season that starts 27 September). */
    static Map<String, Object> ruleBasedScenario(int days, long seed) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("environment", "GreenhouseTomato-v0");
        s.put("controller", "rule-based");
        s.put("weather", "amsterdam");
        s.put("split", "validation");
        s.put("start", "01-15");
        s.put("periodDays", days);
        s.put("seed", seed);
        return s;
    }

    /** The rl-env options the README says such a scenario runs with. */
    static Map<String, String> tomatoOptions(int days) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("episode_days", Integer.toString(days));
        o.put("start", "01-15");
        o.put("site", "amsterdam");
        o.put("split", "validation");
        return o;
    }

    /** The test policies were exported with the option dt=900 (the default step). */
    static Map<String, String> withDt(Map<String, String> options) {
        Map<String, String> o = new LinkedHashMap<>(options);
        o.put("dt", "900");
        return o;
    }

    /**
     * The episode run directly through rl-env: the rule-based baseline ({@code constant} null) or a constant
     * action, from the first episode seed of {@code seed}; its return, steps, final {@code kpi.*} and summed
     * reward terms.
     */
    static Map<String, Object> reference(Map<String, String> options, double[] constant, long seed) {
        try (Env env = EnvRegistry.make("GreenhouseTomato-v0", options)) {
            Agent agent = constant == null ? ((HasBaselines) env).baseline("rule-based") : null;
            double[] action = new double[env.actionSpace().size()];
            Step s = env.reset(new SplittableRandom(seed).nextLong());
            if (agent != null) {
                agent.reset();
            }
            double ret = 0;
            int steps = 0;
            Map<String, Double> terms = new LinkedHashMap<>();
            while (!s.done()) {
                if (agent != null) {
                    agent.act(s, action);
                } else {
                    System.arraycopy(constant, 0, action, 0, action.length);
                }
                s = env.step(action);
                ret += s.reward;
                steps++;
                for (String t : REWARD_TERMS) {
                    if (s.info.has(t)) {
                        terms.merge(t, s.info.get(t), Double::sum);
                    }
                }
            }
            Map<String, Double> kpis = new LinkedHashMap<>();
            s.info.toMap().forEach((k, v) -> {
                if (k.startsWith("kpi.")) {
                    kpis.put(k.substring(4), v);
                }
            });
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("return", ret);
            out.put("steps", steps);
            out.put("kpis", kpis);
            out.put("rewardTerms", terms);
            return out;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Double> kpis(Map<String, Object> reference) {
        return (Map<String, Double>) reference.get("kpis");
    }

    @SuppressWarnings("unchecked")
    static void assertMatches(JsonNode result, Map<String, Object> expected) {
        // the same computation in the same JVM: equal up to the JSON round trip of a double (exact)
        assertThat(result.path("episodeReturn").asDouble())
                .isCloseTo((Double) expected.get("return"), tolerance((Double) expected.get("return")));
        assertThat(result.path("steps").asInt()).isEqualTo(expected.get("steps"));
        Map<String, Double> kpis = (Map<String, Double>) expected.get("kpis");
        assertThat(kpis).containsKeys("profit_eur_m2", "heat_kwh_m2", "elec_kwh_m2", "temp_violation_kh");
        assertThat(result.path("kpis").propertyNames()).containsExactlyInAnyOrderElementsOf(kpis.keySet());
        kpis.forEach((k, v) ->
                assertThat(result.path("kpis").path(k).asDouble()).as(k).isCloseTo(v, tolerance(v)));
        Map<String, Double> terms = (Map<String, Double>) expected.get("rewardTerms");
        assertThat(terms).containsKeys("revenue", "heat_cost");
        terms.forEach((k, v) ->
                assertThat(result.path("rewardTerms").path(k).asDouble()).as(k).isCloseTo(v, tolerance(v)));
    }

    private static Offset<Double> tolerance(double expected) {
        return Offset.offset(1e-12 * Math.max(1, Math.abs(expected)));
    }

    private static List<String> fields(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        return r.body().path("errors").findValuesAsString("field");
    }

    /** The job once it has finished (polled every 50 ms, at most 60 s). */
    private JsonNode finished(UUID f, String jid, String token) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode job;
        do {
            Api.Response r = fx().api.call("GET", "/api/v1/facilities/" + f + "/twin/jobs/" + jid, token, null);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            job = r.body();
            String state = job.path("state").asString();
            if (state.equals("SUCCEEDED") || state.equals("FAILED") || state.equals("CANCELLED")) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("job " + jid + " did not finish in 60 s: " + job);
    }

    private static List<String> filesIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
