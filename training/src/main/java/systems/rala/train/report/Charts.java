package systems.rala.train.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG charts of time series (JFreeChart, headless): one or more panels sharing the time axis, each with
 * named series and a unit-carrying axis label.
 */
public final class Charts {

    private static final Color[] PALETTE = {
        new Color(0x1f77b4),
        new Color(0xd62728),
        new Color(0x2ca02c),
        new Color(0xff7f0e),
        new Color(0x9467bd),
        new Color(0x8c564b),
        new Color(0x17becf),
        new Color(0x7f7f7f)
    };

    private Charts() {}

    /**
     * Writes a grouped bar chart: one group per category (e.g. a KPI), one bar per series (e.g. a controller)
     * with its value; {@code errors} (same shape, may be null) adds ± bars as text in the category label.
     */
    public static void bars(
            Path png,
            String title,
            String valueLabel,
            List<String> categories,
            List<String> series,
            double[][] values,
            int width,
            int height) {
        org.jfree.data.category.DefaultCategoryDataset data = new org.jfree.data.category.DefaultCategoryDataset();
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                data.addValue(values[s][c], series.get(s), categories.get(c));
            }
        }
        JFreeChart chart = org.jfree.chart.ChartFactory.createBarChart(title, null, valueLabel, data);
        chart.setBackgroundPaint(Color.WHITE);
        org.jfree.chart.plot.CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        for (int s = 0; s < series.size(); s++) {
            plot.getRenderer().setSeriesPaint(s, PALETTE[s % PALETTE.length]);
        }
        try {
            ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }

    /** One line of a panel. */
    public record Line(String name, double[] values) {}

    /** One panel: its axis label (with unit) and its lines. */
    public record Panel(String axisLabel, List<Line> lines) {}

    /**
     * Writes a chart of {@code panels} stacked over the shared {@code time} axis to {@code png}.
     *
     * @param timeLabel label of the time axis, e.g. "day of run"
     */
    public static void write(
            Path png, String title, String timeLabel, double[] time, List<Panel> panels, int width, int height) {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis(timeLabel));
        plot.setGap(8);
        for (Panel p : panels) {
            XYSeriesCollection data = new XYSeriesCollection();
            for (Line line : p.lines()) {
                XYSeries s = new XYSeries(line.name(), false, true);
                double[] v = line.values();
                int n = Math.min(v.length, time.length);
                for (int i = 0; i < n; i++) {
                    s.add(time[i], Double.isFinite(v[i]) ? v[i] : null);
                }
                data.addSeries(s);
            }
            NumberAxis y = new NumberAxis(p.axisLabel());
            y.setAutoRangeIncludesZero(false);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            for (int i = 0; i < p.lines().size(); i++) {
                r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
                r.setSeriesStroke(i, new BasicStroke(1.0f));
            }
            XYPlot sub = new XYPlot(data, null, y, r);
            sub.setBackgroundPaint(Color.WHITE);
            sub.setDomainGridlinePaint(new Color(0xdddddd));
            sub.setRangeGridlinePaint(new Color(0xdddddd));
            plot.add(sub, 1);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        try {
            ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }
}
