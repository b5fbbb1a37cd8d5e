package dev.vigil.metrics;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Small charts as inline SVG, built on the server so they work without JavaScript and need no
 * charting library. Every chart is an image with an accessible name (its title) and description;
 * the page shows the same figures in a table beside it. Colours come from the page's CSS (classes
 * chart-bar, chart-axis, chart-grid) with currentColor as the fallback, so light and dark both work.
 * All text is XML-escaped.
 */
final class SvgCharts {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final int WIDTH = 480;
    private static final int HEIGHT = 200;
    private static final int TOP = 22;
    private static final int BOTTOM = 28;
    private static final int SIDE = 8;

    private SvgCharts() {}

    /** One column; a null value means "no data" and draws no bar. valueText is written above the bar. */
    public record Bar(String label, Double value, String valueText) {
        public static Bar of(String label, double value, String valueText) {
            return new Bar(label, value, valueText);
        }
    }

    /** id prefixes the ids of the title and description, so it must be unique on the page. */
    public record Chart(String id, String title, String description, List<Bar> bars) {
        public Chart {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("A chart id is lower-case letters, digits and dashes: " + id);
            }
            bars = List.copyOf(bars);
        }
    }

    /** Columns with gaps between them, scaled to the largest value (counts per month). */
    public static String bars(Chart chart) {
        return render(chart, 0.3, largest(chart), false);
    }

    /** Adjacent columns, scaled to the largest value (a histogram of durations). */
    public static String histogram(Chart chart) {
        return render(chart, 0.04, largest(chart), false);
    }

    /** Columns on a fixed scale from 0 to 100, with grid lines at 50 and 100 (a rate per month). */
    public static String percentages(Chart chart) {
        return render(chart, 0.3, 100, true);
    }

    private static double largest(Chart chart) {
        double max = 0;
        for (Bar bar : chart.bars()) {
            if (bar.value() != null) {
                max = Math.max(max, bar.value());
            }
        }
        return max;
    }

    private static String render(Chart chart, double gap, double scale, boolean grid) {
        StringBuilder svg = new StringBuilder(1024);
        String id = chart.id();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" focusable=\"false\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(escape(chart.title())).append("</title>");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(chart.description())).append("</desc>");
        int baseline = HEIGHT - BOTTOM;
        int plotHeight = baseline - TOP;
        if (grid) {
            for (int percent : new int[] {50, 100}) {
                double y = baseline - plotHeight * percent / 100.0;
                svg.append("<line class=\"chart-grid\" x1=\"").append(SIDE).append("\" x2=\"").append(WIDTH - SIDE)
                        .append("\" y1=\"").append(number(y)).append("\" y2=\"").append(number(y))
                        .append("\" stroke=\"currentColor\" stroke-opacity=\"0.3\" stroke-dasharray=\"4 4\"/>");
            }
        }
        int count = Math.max(1, chart.bars().size());
        double slot = (WIDTH - 2.0 * SIDE) / count;
        double barWidth = slot * (1 - gap);
        for (int i = 0; i < chart.bars().size(); i++) {
            Bar bar = chart.bars().get(i);
            double centre = SIDE + slot * i + slot / 2;
            double height = bar.value() == null || scale <= 0 ? 0 : plotHeight * Math.min(1, bar.value() / scale);
            if (height > 0) {
                svg.append("<rect class=\"chart-bar\" x=\"").append(number(centre - barWidth / 2)).append("\" y=\"")
                        .append(number(baseline - height)).append("\" width=\"").append(number(barWidth))
                        .append("\" height=\"").append(number(height)).append("\" fill=\"currentColor\"/>");
            }
            text(svg, "chart-value", centre, baseline - height - 5, bar.valueText());
            text(svg, "chart-label", centre, baseline + 18, bar.label());
        }
        svg.append("<line class=\"chart-axis\" x1=\"").append(SIDE).append("\" x2=\"").append(WIDTH - SIDE)
                .append("\" y1=\"").append(baseline).append("\" y2=\"").append(baseline)
                .append("\" stroke=\"currentColor\"/>");
        return svg.append("</svg>").toString();
    }

    private static void text(StringBuilder svg, String kind, double x, double y, String content) {
        svg.append("<text class=\"").append(kind).append("\" x=\"").append(number(x)).append("\" y=\"")
                .append(number(y)).append("\" text-anchor=\"middle\" fill=\"currentColor\" font-size=\"12\">")
                .append(escape(content)).append("</text>");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** XML text and attribute escaping. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML 1.0 at all; they carry nothing to show.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
