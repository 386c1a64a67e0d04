package systems.rala.service.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.service.alert.Alert;
import systems.rala.service.alert.Alerts;
import systems.rala.service.alert.Severity;
import systems.rala.service.testing.Browser;
import systems.rala.twin.physics.Psychrometrics;

/**
 * The grower's dashboard in a real headless Chromium, against the service under test with a virtual greenhouse
 * feeding it over the broker: sign in, a reading changing live, an alert arriving live and acknowledged, a
 * command sent by an operator and followed to its end, a viewer without controls, sign out; keyboard use and
 * text contrast on the way. Screenshots of every page go to {@code target/screenshots/}. Run on the embedded
 * default only: the browser sees the same API on both databases.
 */
interface DashboardBrowserContract extends ServiceContract {

    /** Generous bound on the page's load on loopback [ms]; it takes about a tenth of that. */
    long PAGE_LOAD_LIMIT_MS = 2000;

    /** WCAG 2.1 AA (1.4.3): normal text at least 4.5:1. */
    double AA_TEXT = 4.5;

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private UUID created(String path, String token, Map<String, Object> body, String idField) {
        Api.Response r = fx().api.call("POST", path, token, body);
        assertThat(r.status()).as(path + ": " + r.raw()).isIn(200, 201);
        return UUID.fromString(r.text(idField));
    }

    /** A facility as a grower would set it up, with its gateway's credentials. */
    record Greenhouse(
            UUID facility,
            String name,
            UUID zone,
            UUID gateway,
            String clientId,
            String secret,
            UUID temperature,
            UUID humidity,
            UUID co2,
            UUID pipe,
            UUID vent) {}

    private Greenhouse greenhouse(String operatorEmail, String viewerEmail) {
        String alice = fx().alice;
        String name = "Westland glasshouse " + UUID.randomUUID().toString().substring(0, 6);
        UUID f = created("/api/v1/facilities", alice, new LinkedHashMap<>(ApiContractTest.facility(name)), "id");
        String base = "/api/v1/facilities/" + f;
        UUID zone = created(base + "/zones", alice, body("name", "Bay 1", "areaM2", 2500.0, "crop", "tomato"), "id");
        Api.Response gw = fx().api.call("POST", base + "/gateways", alice, body("name", "North house"));
        assertThat(gw.status()).as(gw.raw()).isEqualTo(201);
        UUID gateway = UUID.fromString(gw.text("gatewayId"));
        UUID t = sensor(base, zone, gateway, "Air temperature", "air_temperature", "°C", VirtualGreenhouse.TEMPERATURE);
        UUID rh = sensor(base, zone, gateway, "Air RH", "air_relative_humidity", "%", VirtualGreenhouse.HUMIDITY);
        UUID co2 = sensor(base, zone, gateway, "Air CO2", "air_co2", "ppm", VirtualGreenhouse.CO2);
        sensor(base, zone, gateway, "PAR", "canopy_par", "umol/m2/s", VirtualGreenhouse.PAR);
        UUID pipe = sensor(base, zone, gateway, "Heating pipe", "pipe_temperature", "°C", "pipe_temperature");
        UUID vent = created(
                base + "/equipment",
                alice,
                body(
                        "zoneId",
                        zone,
                        "name",
                        "Roof vent",
                        "kind",
                        "VENTILATION",
                        "protocol",
                        "VIRTUAL",
                        "address",
                        "virtual:roof_vent",
                        "point",
                        "roof_vent",
                        "unit",
                        "-",
                        "safetyMin",
                        0.0,
                        "safetyMax",
                        1.0,
                        "gatewayId",
                        gateway),
                "id");
        for (String[] member : new String[][] {{operatorEmail, "OPERATOR"}, {viewerEmail, "VIEWER"}}) {
            Api.Response r =
                    fx().api.call("POST", base + "/members", alice, body("email", member[0], "role", member[1]));
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
        }
        return new Greenhouse(f, name, zone, gateway, gw.text("clientId"), gw.text("secret"), t, rh, co2, pipe, vent);
    }

    private UUID sensor(String base, UUID zone, UUID gateway, String name, String kind, String unit, String point) {
        return created(
                base + "/sensors",
                fx().alice,
                body("zoneId", zone, "name", name, "kind", kind, "unit", unit, "gatewayId", gateway, "point", point),
                "id");
    }

    @Test
    default void theDashboardShowsTheGreenhouseLiveAndTakesCommands(
            @Autowired Alerts alerts, @Autowired JdbcClient jdbc) throws Exception {
        assertThat(new ClassPathResource("static/index.html").exists())
                .as("the dashboard was not built: target/classes/static/index.html is missing. Build the service"
                        + " without -Dskip.frontend (mvn -pl service generate-resources runs npm ci and npm run build in"
                        + " service/frontend)")
                .isTrue();
        Browser.require();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String operator = "olga-" + suffix + "@rala.test";
        String viewer = "vera-" + suffix + "@rala.test";
        fx().createUser(operator);
        fx().createUser(viewer);
        Greenhouse g = greenhouse(operator, viewer);
        // five days of daily metrics, days 10 to 6 before today (the nightly computation only touches the last two)
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        for (int d = 0; d < 5; d++) {
            jdbc.sql(
                            "INSERT INTO daily_metrics (facility_id, metric_day, heat_mj_m2, electricity_kwh_m2, co2_kg_m2,"
                                    + " cost_eur_m2, yield_kg_m2, mean_vpd_kpa, dli_mol_m2_d) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(g.facility(), firstDay.plusDays(d), 1.5 + d, 0.2, 0.01, 0.05, 0.1, 0.7 + 0.05 * d, 18.0 + d)
                    .update();
        }
        String base = "http://127.0.0.1:" + fx().port;
        try (VirtualGreenhouse house =
                        VirtualGreenhouse.connect(fx().mqtt.url(), g.facility(), g.clientId(), g.secret());
                Browser browser = new Browser()) {
            house.backfill(Duration.ofHours(2));
            house.silentCo2(Duration.ofMinutes(20), 640);
            house.run(Duration.ofMillis(1000));
            try {
                walkThrough(browser, base, g, house, alerts, firstDay, operator, viewer);
            } catch (Throwable e) {
                browser.screenshot("failure");
                throw e;
            }
        }
    }

    private void walkThrough(
            Browser browser,
            String base,
            Greenhouse g,
            VirtualGreenhouse house,
            Alerts alerts,
            LocalDate firstDay,
            String operator,
            String viewer)
            throws Exception {
        long firstLoadMs = signIn(browser, base, operator);

        // only the caller's facilities
        browser.await("facility list", d -> !browser.findAll("a[data-facility]").isEmpty());
        assertThat(browser.findAll("a[data-facility]"))
                .extracting(e -> e.getAttribute("data-facility"))
                .containsExactly(g.facility().toString());
        browser.screenshot("01-facilities");
        browser.find("a[data-facility]").click();

        overviewIsLive(browser, g);
        browser.screenshot("02-overview");
        contrastOfKeyElements(browser);

        charts(browser);
        alertArrivesLiveAndIsAcknowledged(browser, g, alerts);
        commandIsConfirmedSentAndSucceeds(browser, g, house);
        policies(browser, g, house);
        analytics(browser, firstDay);
        whatIf(browser, g);

        signOut(browser);
        long warmLoadMs = viewerHasNoControls(browser, base, viewer, g);
        String loads = String.format(
                "dashboard page load on loopback (Navigation Timing loadEventEnd): first %d ms, again %d ms%n",
                firstLoadMs, warmLoadMs);
        System.out.print(loads);
        Files.writeString(Browser.SCREENSHOTS.resolve("page-load.txt"), loads);
        assertThat(browser.console())
                .as("nothing refused by the Content-Security-Policy, no script errors")
                .noneMatch(line -> line.contains("Content Security Policy") || line.startsWith("SEVERE"));
    }

    /** Signs in through the page; returns the page's load time [ms] as Navigation Timing measured it. */
    private long signIn(Browser browser, String base, String email) {
        browser.driver.get(base + "/");
        browser.await("sign-in form", d -> !browser.findAll("#email").isEmpty());
        long loadMs = ((Number) browser.js("const n = performance.getEntriesByType('navigation')[0];"
                        + "return n.loadEventEnd > 0 ? n.loadEventEnd : performance.now();"))
                .longValue();
        assertThat(loadMs).as("page load [ms]").isPositive().isLessThan(PAGE_LOAD_LIMIT_MS);
        browser.screenshot("00-sign-in");
        // keyboard: the fields and the button in reading order, each with a visible focus
        WebElement field = browser.find("#email");
        field.click();
        field.sendKeys(email, Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
        browser.driver.switchTo().activeElement().sendKeys(ApiContractTest.PASSWORD, Keys.TAB);
        WebElement button = browser.driver.switchTo().activeElement();
        assertThat(button.getAttribute("id")).isEqualTo("sign-in");
        assertThat(button.getCssValue("outline-style")).as("visible focus").isEqualTo("solid");
        assertThat(Double.parseDouble(button.getCssValue("outline-width").replace("px", "")))
                .isGreaterThanOrEqualTo(2);
        // labelled controls: each input has a <label for>
        for (String id : List.of("email", "password")) {
            assertThat(browser.findAll("label[for='" + id + "']"))
                    .as("label of #" + id)
                    .hasSize(1);
        }
        button.sendKeys(Keys.ENTER);
        return loadMs;
    }

    private void overviewIsLive(Browser browser, Greenhouse g) {

        browser.await(
                "live feed connected",
                d -> browser.find("#live-status").getText().contains("Live"));
        String temperature = "li.tile[data-kind='air_temperature']";
        browser.await("a temperature reading", d -> browser.find(temperature).getAttribute("data-value") != null);
        // the page is not reloaded: a marker set now must survive the change
        browser.js("window.__ralaMarker = 42;");
        String first = browser.find(temperature).getAttribute("data-value");

        browser.await(
                "the temperature to change without a reload",
                Duration.ofSeconds(15),
                d -> !first.equals(browser.find(temperature).getAttribute("data-value")));
        assertThat(((Number) browser.js("return window.__ralaMarker;")).intValue())
                .isEqualTo(42);
        assertThat(browser.find(temperature).getAttribute("data-state")).isIn("ok", "low", "high");
        assertThat(browser.find(temperature).getText()).containsPattern("target 1[89]\\.5–2[34]\\.5");

        // VPD computed from T and RH (no VPD sensor), checked against the twin's own Tetens curve
        @SuppressWarnings("unchecked")
        List<String> snapshot =
                (List<String>) browser.js("return ['air_temperature', 'air_relative_humidity', 'vpd'].map(k =>"
                        + " document.querySelector(`li.tile[data-kind='${k}']`).getAttribute('data-value'));");
        double t = Double.parseDouble(snapshot.get(0));
        double rh = Double.parseDouble(snapshot.get(1));
        double vpd = Double.parseDouble(snapshot.get(2));
        // FAO-56 eq. 11 and 19, written out here from the paper; its Annex 2 Table 2.3 anchors it (e° 2.338 kPa at
        // 20 °C, 3.168 kPa at 25 °C, to its three decimals)
        assertThat(faoSaturationKpa(20)).isCloseTo(2.338, within(0.0005));
        assertThat(faoSaturationKpa(25)).isCloseTo(3.168, within(0.0005));
        assertThat(vpd).isCloseTo(faoSaturationKpa(t) * (1 - rh / 100), within(1e-9));
        // and within 1 % of the twin's own psychrometrics (Buck 1996), which the KPIs use
        double buck = Psychrometrics.vpdKpa(t, rh);
        assertThat(vpd).isCloseTo(buck, within(buck * 0.01));
        assertThat(browser.find("li.tile[data-kind='vpd']").getText()).contains("computed from air temperature");

        // the CO2 sensor went silent 20 minutes ago; the pipe sensor never reported
        WebElement co2 = browser.find("li.tile[data-kind='air_co2']");
        assertThat(co2.getAttribute("data-state")).isEqualTo("stale");
        assertThat(co2.getText()).contains("stale").contains("640");
        WebElement pipe = browser.find("li.tile[data-kind='pipe_temperature']");
        assertThat(pipe.getAttribute("data-state")).isEqualTo("missing");
        assertThat(pipe.getText()).contains("no reading yet");
        // today's DLI from the PAR readings so far (at least the two backfilled hours: 400 ± 100 µmol m⁻² s⁻¹)
        browser.await(
                "today's DLI", d -> browser.find("li.tile[data-kind='dli']").getAttribute("data-value") != null);
        assertThat(browser.findAll("table.equipment tr[data-equipment='" + g.vent() + "']"))
                .hasSize(1);
    }

    /** Saturation vapour pressure [kPa] at {@code tempC} [°C], FAO-56 eq. 11. */
    private static double faoSaturationKpa(double tempC) {
        return 0.6108 * Math.exp(17.27 * tempC / (tempC + 237.3));
    }

    private void contrastOfKeyElements(Browser browser) {
        List<String> selectors = List.of(
                "h1",
                "#facility-name",
                ".tile-label",
                ".tile-value",
                ".tile-band",
                ".tile .muted",
                ".badge.stale",
                ".badge.missing",
                ".tabs a[aria-current='page']",
                ".tabs a:not([aria-current])",
                "#sign-out",
                ".top .who",
                "table.equipment th");
        for (String css : selectors) {
            List<WebElement> found = browser.findAll(css);
            assertThat(found).as("element " + css).isNotEmpty();
            double ratio = browser.contrast(found.get(0));
            assertThat(ratio)
                    .as("contrast of " + css + " " + Browser.describe(found.get(0)))
                    .isGreaterThanOrEqualTo(AA_TEXT);
        }
    }

    private void charts(Browser browser) {
        browser.find("#nav-charts").click();
        String chart = "figure.chart[data-chart='Air temperature']";
        browser.await(
                "the temperature chart",
                d -> !browser.findAll(chart).isEmpty()
                        && Integer.parseInt(browser.find(chart).getAttribute("data-points")) > 0);
        int before = Integer.parseInt(browser.find(chart).getAttribute("data-points"));

        browser.await(
                "a live point added to the chart",
                d -> Integer.parseInt(browser.find(chart).getAttribute("data-points")) > before);
        // several variables, one chart each, on one time axis
        assertThat(browser.findAll("figure.chart").size()).isGreaterThanOrEqualTo(3);
        browser.js("document.querySelector('.charts').scrollIntoView();");
        browser.screenshot("03-charts-live");
        browser.find("#mode-history").click();
        new Select(browser.find("#chart-step")).selectByValue("5m");
        browser.find("#chart-show").click();
        // two backfilled hours at one reading a minute, and the live seconds since: 24 to 26 five-minute means over
        // the last 24 hours (raw, it would be over 120 points)
        browser.await("5-minute means", d -> {
            int n = Integer.parseInt(browser.find(chart).getAttribute("data-points"));
            return n >= 24 && n <= 30 ? n : null;
        });
        browser.js("document.querySelector('.charts').scrollIntoView();");
        browser.screenshot("04-charts-history");
    }

    private void alertArrivesLiveAndIsAcknowledged(Browser browser, Greenhouse g, Alerts alerts) {
        browser.find("#nav-alerts").click();
        browser.await(
                "alerts page",
                d -> browser.find("main").getAttribute("data-page").equals("alerts"));
        // raised after the page was open: it must arrive on the live feed
        Alert a = alerts.raise(
                g.facility(),
                g.zone(),
                g.temperature(),
                null,
                "threshold.above",
                Severity.WARNING,
                "Air temperature above 23.5 °C in Bay 1");
        String row = "tr[data-alert='" + a.id() + "']";
        browser.await("the new alert, live", d -> !browser.findAll(row).isEmpty());
        assertThat(browser.find(row).getText())
                .contains("warning")
                .contains("open")
                .contains("Bay 1");
        assertThat(browser.contrast(browser.find(row + " .badge.state-open"))).isGreaterThanOrEqualTo(AA_TEXT);
        browser.screenshot("05-alerts");
        browser.find(row + " button[data-action='acknowledge']").click();
        browser.await(
                "acknowledged",
                d -> browser.find(row).getAttribute("data-state").equals("ACKNOWLEDGED"));
        Api.Response stored =
                fx().api.call("GET", "/api/v1/facilities/" + g.facility() + "/alerts/" + a.id(), fx().alice, null);
        assertThat(stored.text("state")).isEqualTo("ACKNOWLEDGED");
    }

    private void commandIsConfirmedSentAndSucceeds(Browser browser, Greenhouse g, VirtualGreenhouse house) {
        browser.find("#nav-control").click();
        browser.await(
                "the control panel", d -> !browser.findAll("#control-panel").isEmpty());
        String row = "#control-panel tr[data-equipment='" + g.vent() + "']";
        WebElement value = browser.find(row + " input");
        value.sendKeys("0.4");
        // Escape cancels the confirmation: nothing is sent
        browser.find(row + " button[data-action='override']").click();
        browser.await(
                "confirmation dialog",
                d -> !browser.findAll("dialog.confirm[open]").isEmpty());
        assertThat(browser.driver.switchTo().activeElement().getAttribute("data-action"))
                .as("focus starts on Cancel")
                .isEqualTo("cancel");
        browser.screenshot("06-control-confirm");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.await(
                "dialog closed", d -> browser.findAll("dialog.confirm[open]").isEmpty());
        assertThat(controls(g)).as("commands after Escape").isZero();
        // Tab to the confirm button and Enter: sent
        browser.find(row + " button[data-action='override']").click();
        browser.await(
                "confirmation dialog",
                d -> !browser.findAll("dialog.confirm[open]").isEmpty());
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement confirm = browser.driver.switchTo().activeElement();
        assertThat(confirm.getAttribute("data-action")).isEqualTo("confirm");
        confirm.sendKeys(Keys.ENTER);
        browser.await(
                "the command in the log",
                d -> !browser.findAll("#command-log tr[data-command]").isEmpty());
        String id = browser.find("#command-log tr[data-command]").getAttribute("data-command");
        String logRow = "#command-log tr[data-command='" + id + "']";
        browser.await(
                "the gateway's acknowledgement, live",
                d -> "SUCCEEDED".equals(browser.find(logRow).getAttribute("data-status")));
        assertThat(browser.find(logRow).getText())
                .contains("override Roof vent")
                .contains("succeeded");
        assertThat(house.commands).extracting(c -> c.commandId()).containsExactly(id);
        assertThat(house.commands.get(0).value()).isEqualTo(0.4);
        Api.Response stored =
                fx().api.call("GET", "/api/v1/facilities/" + g.facility() + "/controls/" + id, fx().alice, null);
        assertThat(stored.text("status")).isEqualTo("SUCCEEDED");
        browser.screenshot("07-control");
    }

    private long controls(Greenhouse g) {
        Api.Response r = fx().api.call("GET", "/api/v1/facilities/" + g.facility() + "/controls", fx().alice, null);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().path("total").asLong();
    }

    /**
     * The gateways' policies, and each gateway's control: its state and a decision fetched with the page, then
     * a decision the safety layer clamped and the rule-based fall-back taking over, both arriving live.
     */
    private void policies(Browser browser, Greenhouse g, VirtualGreenhouse house) throws Exception {
        house.state(ControlMode.POLICY, "climate-v1");
        house.decision(Duration.ofMinutes(1), ControlMode.POLICY, "climate-v1", 0.4, 0.4, List.of());
        browser.find("#nav-policies").click();
        browser.await(
                "gateways' policies", d -> !browser.findAll("#gateway-policies").isEmpty());
        assertThat(browser.find("#gateway-policies").getText()).contains("North house");
        String panel = "[data-gateway-decisions='" + g.gateway() + "']";
        browser.await(
                "the gateway's state and first decision",
                d -> browser.findAll(panel + " tr[data-decision]").size() == 1);
        assertThat(browser.find(panel + " [data-mode]").getText()).isEqualTo("policy acting");
        assertThat(browser.find(panel + " [data-online]").getText()).contains("online");
        assertThat(browser.find(panel + " [data-policy-version]").getText()).isEqualTo("climate-v1");

        // the policy asks for more than the vent's safety maximum (1.0): clamped, then the policy stops
        house.decision(Duration.ZERO, ControlMode.POLICY, "climate-v1", 1.3, 1.0, List.of("clamp_max:roof_vent"));
        house.state(ControlMode.FALLBACK, null);
        browser.await(
                "the fall-back, live",
                d -> browser.findAll(panel + " [data-mode='fallback']").size() == 1);
        assertThat(browser.find(panel + " [data-mode]").getText()).isEqualTo("⚠ rule-based fall-back acting");
        browser.await(
                "the clamped decision, live",
                d -> !browser.findAll(panel + " tr.intervened").isEmpty());
        assertThat(browser.findAll(panel + " tr[data-decision]")).hasSize(2);
        String clamped = browser.find(panel + " tr.intervened").getText();
        assertThat(clamped).contains("clamp_max:roof_vent").contains("climate-v1");
        browser.screenshot("08-policies");
    }

    private void analytics(Browser browser, LocalDate firstDay) throws IOException, InterruptedException {
        browser.find("#nav-analytics").click();
        browser.await(
                "the metrics table",
                d -> !browser.findAll("#metrics-table tbody tr").isEmpty());
        assertThat(browser.findAll("#metrics-table tbody tr")).hasSize(5);
        assertThat(browser.findAll(".charts figure.chart")).hasSize(7);
        browser.screenshot("09-analytics");
        browser.find("#metrics-csv").click();
        Path csv = null;
        for (int i = 0; i < 100 && csv == null; i++) {
            try (var files = Files.list(browser.downloads)) {
                csv = files.filter(p -> p.toString().endsWith(".csv"))
                        .findFirst()
                        .orElse(null);
            }
            Thread.sleep(100);
        }
        assertThat(csv).as("downloaded CSV").isNotNull();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("\ufeffday,heatMjM2 (MJ m⁻²)");
        // the first inserted day: heat 1.5 MJ m⁻², ..., DLI 18 mol m⁻² d⁻¹, as inserted above
        assertThat(lines.get(1)).isEqualTo(firstDay + ",1.5,0.2,0.01,0.05,0.1,0.7,18");
    }

    /** A one-day tomato run of a registry policy beside the rule-based baseline, as the service reports it. */
    private void whatIf(Browser browser, Greenhouse g) {
        Api.Response uploaded = fx().api
                .call(
                        "POST",
                        "/api/v1/facilities/" + g.facility() + "/policies",
                        fx().alice,
                        PolicyFiles.upload(PolicyFiles.CONSTANT, "climate"));
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
        browser.find("#nav-twin").click();
        browser.await("what-if form", d -> !browser.findAll("#twin-form").isEmpty());
        browser.await(
                "the uploaded policy offered",
                d -> !browser.findAll("#twin-controller option[value='" + uploaded.text("id") + "']")
                        .isEmpty());
        new Select(browser.find("#twin-controller")).selectByValue(uploaded.text("id"));
        browser.find("#twin-start").sendKeys("01-15");
        WebElement days = browser.find("#twin-days");
        days.clear();
        days.sendKeys("1");
        browser.find("#twin-run").click();
        browser.await(
                "the run to finish",
                Duration.ofSeconds(90),
                d -> !browser.findAll("#twin-job[data-state='SUCCEEDED'] #twin-kpis")
                        .isEmpty());
        // the page shows the service's figures, policy beside baseline
        String id = (String) browser.js("return document.querySelector('#twin-job').dataset.job;");
        Api.Response job =
                fx().api.call("GET", "/api/v1/facilities/" + g.facility() + "/twin/jobs/" + id, fx().alice, null);
        double policy = job.body()
                .path("result")
                .path("controller")
                .path("kpis")
                .path("profit_eur_m2")
                .asDouble();
        double rule = job.body()
                .path("result")
                .path("baseline")
                .path("kpis")
                .path("profit_eur_m2")
                .asDouble();
        List<WebElement> cells = browser.findAll("#twin-kpis tr[data-kpi='profit_eur_m2'] td");
        assertThat(cells).hasSize(3);
        assertThat(Double.parseDouble(cells.get(0).getAttribute("data-value"))).isEqualTo(policy);
        assertThat(Double.parseDouble(cells.get(1).getAttribute("data-value"))).isEqualTo(rule);
        browser.screenshot("10-what-if");
    }

    private void signOut(Browser browser) {
        String refresh = (String) browser.js("return sessionStorage.getItem('rala.refreshToken');");
        assertThat(refresh).as("refresh token kept for this tab").isNotBlank();
        browser.find("#sign-out").click();
        browser.await("signed out", d -> !browser.findAll("#login-form").isEmpty());
        assertThat(browser.js("return sessionStorage.getItem('rala.refreshToken');"))
                .isNull();
        // the session is over on the service too
        assertThat(fx().api
                        .call("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", refresh))
                        .status())
                .isEqualTo(401);
    }

    /** Returns the page's load time [ms], this time with the service warm. */
    private long viewerHasNoControls(Browser browser, String base, String viewer, Greenhouse g) {
        long loadMs = signIn(browser, base, viewer);
        browser.await("facility list", d -> !browser.findAll("a[data-facility]").isEmpty());
        browser.driver.get(base + "/#/f/" + g.facility() + "/control");
        browser.await(
                "read-only notice", d -> !browser.findAll("#read-only-notice").isEmpty());
        assertThat(browser.findAll("#control-panel")).isEmpty();
        assertThat(browser.findAll("button[data-action='override']")).isEmpty();
        assertThat(browser.findAll("button[data-action='switch-mode']")).isEmpty();
        assertThat(browser.find("#my-role").getText()).isEqualTo("viewer");
        // the operator's command is there to follow
        browser.await(
                "the command log",
                d -> !browser.findAll("#command-log tr[data-command]").isEmpty());
        browser.screenshot("11-control-viewer");
        browser.find("#nav-alerts").click();
        browser.await("alerts", d -> !browser.findAll("#alert-list").isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector("#alert-list button")))
                .isEmpty();
        signOut(browser);
        return loadMs;
    }
}
