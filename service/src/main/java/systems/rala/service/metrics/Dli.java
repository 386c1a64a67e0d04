package systems.rala.service.metrics;

import java.util.List;
import systems.rala.service.timeseries.TimeSeriesStore.Sample;

/**
 * Daily light integral: the photosynthetically active photons that reached the canopy in one day, mol m⁻² d⁻¹,
 * from a PAR sensor's photon flux density (µmol m⁻² s⁻¹).
 *
 * <p>Integrated by the trapezoid rule over the day's 5-minute means, each placed at the middle of its bucket
 * (5-minute means, not raw readings, because production keeps raw readings for 30 days only and a day may be
 * recomputed up to 92 days back; for readings spaced evenly within a bucket the mean stands for the bucket).
 * Between the day's start and its first mean, and its last mean and the day's end, the nearest mean is held.
 * Neighbouring means more than {@link #MAX_GAP_MS} apart (the sensor was silent) are not bridged, and a day
 * less than {@link #MIN_COVERAGE} covered has no DLI: a silent hour at noon would otherwise read as darkness.
 * Negative values (a sensor's zero offset at night) count as 0.
 */
public final class Dli {

    /** Longest silence bridged by a straight line, ms: one hour. */
    static final long MAX_GAP_MS = 3_600_000L;

    /** Share of the day that must be covered: 0.9, so at most 2.4 h of the 24 may be missing. */
    static final double MIN_COVERAGE = 0.9;

    private Dli() {}

    /**
     * @param means the 5-minute means of one PAR sensor, µmol m⁻² s⁻¹, stamped with their bucket's start and
     *     sorted by it, all within {@code [dayStartMs, dayEndMs)}
     * @param bucketMs length of a bucket, ms
     * @return mol m⁻² over the day, or {@code null} when less than {@link #MIN_COVERAGE} of it is covered
     */
    public static Double molPerM2(List<Sample> means, long dayStartMs, long dayEndMs, long bucketMs) {
        if (means.isEmpty()) {
            return null;
        }
        double umolMsPerM2 = 0; // µmol m⁻² s⁻¹ × ms
        long covered = 0; // ms
        long prevT = 0;
        double prevV = 0;
        for (int i = 0; i < means.size(); i++) {
            long t = means.get(i).timeMs() + bucketMs / 2;
            double v = Math.max(0, means.get(i).value());
            if (i == 0) {
                long head = t - dayStartMs;
                if (head <= MAX_GAP_MS) {
                    umolMsPerM2 += v * head;
                    covered += head;
                }
            } else {
                long gap = t - prevT;
                if (gap <= MAX_GAP_MS) {
                    umolMsPerM2 += (prevV + v) / 2 * gap;
                    covered += gap;
                }
            }
            prevT = t;
            prevV = v;
        }
        long tail = dayEndMs - prevT;
        if (tail <= MAX_GAP_MS) {
            umolMsPerM2 += prevV * tail;
            covered += tail;
        }
        if (covered < MIN_COVERAGE * (dayEndMs - dayStartMs)) {
            return null;
        }
        return umolMsPerM2 / 1000.0 / 1e6; // µmol·ms → µmol·s → mol
    }
}
