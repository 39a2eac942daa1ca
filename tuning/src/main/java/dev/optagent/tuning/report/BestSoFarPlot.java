package dev.optagent.tuning.report;

import java.util.List;
import java.util.Locale;

/** An SVG line chart of best-so-far curves (one per series) against the trial number; no script, no library. */
public final class BestSoFarPlot {

    public record Series(String label, List<Double> values) { }

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf"};

    private BestSoFarPlot() {
    }

    /** @param logScale plot log10(value − floor) so the approach to an optimum stays visible */
    public static String svg(String title, List<Series> series, Double floor, boolean logScale) {
        int w = 640;
        int h = 360;
        int left = 70;
        int right = 150;
        int top = 30;
        int bottom = 40;
        int trials = series.stream().mapToInt(s -> s.values().size()).max().orElse(1);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) for (Double v : s.values()) if (v != null) {
            double y = transform(v, floor, logScale);
            min = Math.min(min, y);
            max = Math.max(max, y);
        }
        if (!(max > min)) {
            max = min + 1;
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n", w, h));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\">%s</text>%n", left, escape(title)));
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n", left, top, w - left - right, h - top - bottom));
        for (int k = 0; k <= 4; k++) {
            double v = min + (max - min) * k / 4;
            double y = top + (h - top - bottom) * (1 - k / 4.0);
            String label = logScale ? String.format(Locale.ROOT, "%.3g", Math.pow(10, v) + (floor == null ? 0 : floor)) : String.format(Locale.ROOT, "%.3g", v);
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left - 4, y + 4, label));
        }
        for (int k = 0; k <= 5; k++) {
            int t = Math.max(1, Math.round(trials * k / 5f));
            double x = left + (w - left - right) * (t - 1) / (double) Math.max(1, trials - 1);
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", x, h - bottom + 15, t));
        }
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">trial</text>%n", left + (w - left - right) / 2, h - 8));
        for (int s = 0; s < series.size(); s++) {
            StringBuilder points = new StringBuilder();
            List<Double> values = series.get(s).values();
            for (int t = 0; t < values.size(); t++) {
                if (values.get(t) == null) continue;
                double x = left + (w - left - right) * t / (double) Math.max(1, trials - 1);
                double y = top + (h - top - bottom) * (1 - (transform(values.get(t), floor, logScale) - min) / (max - min));
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            String colour = COLOURS[s % COLOURS.length];
            out.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n", colour, points.toString().trim()));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", w - right + 8, top + 14 + 16 * s, colour, escape(series.get(s).label())));
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private static double transform(double v, Double floor, boolean log) {
        if (!log) return v;
        return Math.log10(Math.max(v - (floor == null ? 0 : floor), 1e-9));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
