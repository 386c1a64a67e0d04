package systems.rala.service.timeseries;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import systems.rala.service.inventory.Invalid;
import systems.rala.service.inventory.InventoryRepository;
import systems.rala.service.inventory.Sensor;
import systems.rala.service.timeseries.TimeSeriesStore.Aggregate;
import systems.rala.service.timeseries.TimeSeriesStore.Resolution;
import systems.rala.service.timeseries.TimeSeriesStore.Sample;
import systems.rala.service.web.ApiException;

/** Stored readings: one sensor's series, and the newest value of every sensor of a facility. */
@RestController
@RequestMapping("/api/v1/facilities/{id}")
class ReadingsController {

    /** A reading older than this is stale on the latest-values view (the alerting rule's "silent sensor"). */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);

    /** Longest range per resolution, so one request cannot ask for millions of points. */
    static final Map<Resolution, Duration> MAX_RANGE = Map.of(
            Resolution.RAW, Duration.ofDays(7),
            Resolution.FIVE_MINUTES, Duration.ofDays(92),
            Resolution.HOURLY, Duration.ofDays(3660));

    private final TimeSeriesStore store;
    private final FacilityAccess access;
    private final InventoryRepository inventory;
    private final Clock clock;

    ReadingsController(TimeSeriesStore store, FacilityAccess access, InventoryRepository inventory, Clock clock) {
        this.store = store;
        this.access = access;
        this.inventory = inventory;
        this.clock = clock;
    }

    record Point(Instant time, double value) {}

    record Series(
            UUID sensorId,
            String kind,
            String unit,
            String step,
            String agg,
            Instant from,
            Instant to,
            List<Point> points) {}

    record Latest(
            UUID sensorId,
            UUID zoneId,
            String name,
            String kind,
            String unit,
            Instant time,
            double value,
            boolean stale) {}

    /**
     * {@code GET /api/v1/facilities/{id}/sensors/{sensorId}/readings?from&to&step&agg}: {@code from} and
     * {@code to} are ISO-8601 instants (default: the last 24 hours), {@code step} is {@code raw}, {@code 5m}
     * or {@code 1h} (default raw), {@code agg} is {@code mean}, {@code min} or {@code max} (default mean).
     */
    @GetMapping("/sensors/{sensorId}/readings")
    Series readings(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @PathVariable UUID sensorId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "raw") String step,
            @RequestParam(defaultValue = "mean") String agg) {
        access.require(id, caller.id(), Role.VIEWER);
        Sensor sensor = inventory.sensor(id, sensorId).orElseThrow(() -> new ApiException.NotFound("sensor"));
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(1)) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new Invalid.Field("from", "must be before to (" + start + " is not before " + end + ")");
        }
        Resolution resolution = switch (step.strip().toLowerCase(Locale.ROOT)) {
            case "raw" -> Resolution.RAW;
            case "5m" -> Resolution.FIVE_MINUTES;
            case "1h" -> Resolution.HOURLY;
            default -> throw new Invalid.Field("step", "must be one of raw, 5m, 1h");
        };
        Aggregate aggregate = switch (agg.strip().toLowerCase(Locale.ROOT)) {
            case "mean" -> Aggregate.MEAN;
            case "min" -> Aggregate.MIN;
            case "max" -> Aggregate.MAX;
            default -> throw new Invalid.Field("agg", "must be one of mean, min, max");
        };
        Duration max = MAX_RANGE.get(resolution);
        if (Duration.between(start, end).compareTo(max) > 0) {
            throw new Invalid.Field(
                    "from",
                    "the range may span at most " + max.toDays() + " days at step " + step + "; use a coarser step");
        }
        List<Sample> samples;
        try {
            samples = store.query(sensorId, start.toEpochMilli(), end.toEpochMilli(), resolution, aggregate);
        } catch (StoreUnavailableException e) {
            throw new Unavailable();
        }
        List<Point> points = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            points.add(new Point(Instant.ofEpochMilli(s.timeMs()), s.value()));
        }
        return new Series(
                sensorId,
                sensor.kind().wireName(),
                sensor.unit(),
                step.strip().toLowerCase(Locale.ROOT),
                aggregate.name().toLowerCase(Locale.ROOT),
                start,
                end,
                points);
    }

    /** {@code GET /api/v1/facilities/{id}/readings/latest}: the newest reading of each sensor that has one. */
    @GetMapping("/readings/latest")
    List<Latest> latest(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        access.require(id, caller.id(), Role.VIEWER);
        Map<UUID, Sample> newest;
        try {
            newest = store.latest(id);
        } catch (StoreUnavailableException e) {
            throw new Unavailable();
        }
        Instant staleBefore = clock.instant().minus(STALE_AFTER);
        List<Latest> out = new ArrayList<>();
        for (Sensor s : inventory.sensors(id, null)) {
            Sample sample = newest.get(s.id());
            if (sample != null) {
                Instant t = Instant.ofEpochMilli(sample.timeMs());
                out.add(new Latest(
                        s.id(),
                        s.zoneId(),
                        s.name(),
                        s.kind().wireName(),
                        s.unit(),
                        t,
                        sample.value(),
                        t.isBefore(staleBefore)));
            }
        }
        return out;
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid.Field(field, "must be an ISO-8601 instant such as 2026-11-27T12:00:00Z");
        }
    }

    /** 503: the time-series store is down; the client may retry. */
    static final class Unavailable extends ApiException {
        private static final long serialVersionUID = 1L;

        Unavailable() {
            super(HttpStatus.SERVICE_UNAVAILABLE, null, "the time-series store is not reachable; try again shortly");
        }
    }
}
