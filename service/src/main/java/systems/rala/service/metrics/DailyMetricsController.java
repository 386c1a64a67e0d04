package systems.rala.service.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import systems.rala.service.inventory.Invalid;

/**
 * A facility's daily metrics: the rows are computed from the time series by the service itself (nightly, see
 * {@link DailyMetricsCalculator}); admins may have days computed again.
 */
@RestController
@RequestMapping("/api/v1/facilities/{id}/daily-metrics")
@Transactional(readOnly = true)
class DailyMetricsController {

    /** Most days one request may ask for, both ends included: a leap year. */
    static final long MAX_DAYS = 366;

    /** Most days one recomputation may cover, both ends included: a quarter. */
    static final long MAX_RECOMPUTE_DAYS = 92;

    private final JdbcClient jdbc;
    private final FacilityAccess access;
    private final Clock clock;
    private final DailyMetricsCalculator calculator;
    private final AuditLog audit;

    DailyMetricsController(
            JdbcClient jdbc, FacilityAccess access, Clock clock, DailyMetricsCalculator calculator, AuditLog audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
        this.calculator = calculator;
        this.audit = audit;
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
        return rows(id, first, last);
    }

    /**
     * Computes the days from {@code from} to {@code to} (UTC dates, both included, at most {@link
     * #MAX_RECOMPUTE_DAYS}, all before today) again from the stored readings, and returns their rows (days with
     * nothing to compute have none).
     */
    @PostMapping("/recompute")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    List<DailyMetrics> recompute(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        access.require(id, caller.id(), Role.ADMIN);
        if (from == null) {
            throw new Invalid.Field("from", "is required (a date, e.g. 2026-03-01)");
        }
        if (to == null) {
            throw new Invalid.Field("to", "is required (a date, e.g. 2026-03-31)");
        }
        if (from.isAfter(to)) {
            throw new Invalid.Field("from", "must not be after to (" + from + " > " + to + ")");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!to.isBefore(today)) {
            throw new Invalid.Field(
                    "to", "must be before today (" + today + ", UTC): a day is computed once it is over");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_RECOMPUTE_DAYS) {
            throw new Invalid.Field("to", "at most " + MAX_RECOMPUTE_DAYS + " days, from and to included, per request");
        }
        calculator.recompute(id, from, to);
        audit.record(caller.id(), id, "daily-metrics.recomputed", from + " to " + to);
        return rows(id, from, to);
    }

    private List<DailyMetrics> rows(UUID id, LocalDate first, LocalDate last) {
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
