package systems.rala.train.report;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line for long runs on a terminal: percentage, rate and time left, redrawn at most a few times
 * per second on standard error, so piping standard output stays clean.
 */
public final class Progress {

    private final PrintStream out;
    private final String label;
    private final long total;
    private final String unit;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private final boolean enabled;

    /** A progress line counting to {@code total} {@code unit}s; silent when {@code enabled} is false. */
    public Progress(PrintStream out, String label, long total, String unit, boolean enabled) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
        this.unit = unit;
        this.enabled = enabled;
    }

    /** Reports that {@code done} of the total are finished. */
    public void update(long done) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 250_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - startNanos) / 1e9;
        double frac = Math.min(1.0, done / (double) total);
        double rate = elapsed > 0 ? done / elapsed : 0;
        double left = rate > 0 ? (total - done) / rate : Double.NaN;
        int bar = (int) Math.round(frac * 30);
        out.printf(
                Locale.ROOT,
                "\r%s [%s%s] %5.1f%%  %,.0f %s/s  %s left   ",
                label,
                "#".repeat(bar),
                " ".repeat(30 - bar),
                100 * frac,
                rate,
                unit,
                Double.isNaN(left) ? "?" : formatSeconds(left));
        if (done >= total) {
            out.println();
        }
        out.flush();
    }

    static String formatSeconds(double s) {
        if (s < 60) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", (long) s / 3600, ((long) s % 3600) / 60);
    }
}
