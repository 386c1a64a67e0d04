package systems.rala.service.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import systems.rala.service.inventory.Invalid;

/** A facility's daily metrics, read-only: the rows are computed from the time series by the service itself. */
@RestController
@RequestMapping("/api/v1/facilities/{id}/daily-metrics")
@Transactional(readOnly = true)
class DailyMetricsController {

    /** Most days one request may ask for, both ends included: a leap year. */
    static final long MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final FacilityAccess access;
    private final Clock clock;

    DailyMetricsController(JdbcClient jdbc, FacilityAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The days from {@code from} to {@code to}, both included, oldest first; days without a row are left out.
     * Left out, {@code to} is today (UTC) and {@code from} 30 days before {@code to}.
     */
    @GetMapping
    List<DailyMetrics> list(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        access.require(id, caller.id(), Role.VIEWER);
        LocalDate last = to == null ? LocalDate.now(clock) : to;
        LocalDate first = from == null ? last.minusDays(30) : from;
        if (first.isAfter(last)) {
            throw new Invalid.Field("from", "must not be after to (" + first + " > " + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw new Invalid.Field("to", "at most " + MAX_DAYS + " days, from and to included, per request");
        }
        return jdbc.sql(
                        "SELECT * FROM daily_metrics WHERE facility_id = ? AND metric_day BETWEEN ? AND ? ORDER BY metric_day")
                .params(id, first, last)
                .query((rs, n) -> new DailyMetrics(
                        rs.getObject("metric_day", LocalDate.class),
                        rs.getObject("heat_mj_m2", Double.class),
                        rs.getObject("electricity_kwh_m2", Double.class),
                        rs.getObject("co2_kg_m2", Double.class),
                        rs.getObject("cost_eur_m2", Double.class),
                        rs.getObject("yield_kg_m2", Double.class),
                        rs.getObject("mean_vpd_kpa", Double.class),
                        rs.getObject("dli_mol_m2_d", Double.class)))
                .list();
    }
}
