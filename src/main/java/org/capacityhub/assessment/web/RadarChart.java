package org.capacityhub.assessment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.capacityhub.assessment.domain.Views;

/**
 * A radar (spider) chart of the level per section, computed on the server and drawn as inline SVG: one axis per
 * section, one ring per level of the scale, the assessment's levels joined as a polygon. Sections not rated sit at
 * the centre. The page shows the same data as a table beside it.
 */
public record RadarChart(int size, double centre, List<Ring> rings, List<Axis> axes, String shape,
        List<Point> points, String target) {

    private static final int SIZE = 440;
    private static final double RADIUS = 160;

    public record Ring(String label, String points, double labelY) {}

    public record Axis(String label, double x2, double y2, double labelX, double labelY, String anchor) {}

    public record Point(double x, double y, String title) {}

    static RadarChart of(Views.Detail detail) {
        return of(detail, null);
    }

    /** With the target profile's levels as a second polygon ({@code target}, null without a profile). */
    static RadarChart of(Views.Detail detail, org.capacityhub.assessment.domain.TargetProfileService.GapTable gaps) {
        double c = SIZE / 2.0;
        int n = detail.sections().size();
        int levels = Math.max(1, detail.levels().size());
        List<Ring> rings = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            double r = RADIUS * (l + 1) / levels;
            List<double[]> corners = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                corners.add(at(c, r, i, n));
            }
            String label = l < detail.levels().size() ? detail.levels().get(l).title() : "";
            rings.add(new Ring(label, join(corners), c - r - 4));
        }
        List<Axis> axes = new ArrayList<>();
        List<double[]> shape = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        List<double[]> target = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Views.SectionView s = detail.sections().get(i);
            double[] end = at(c, RADIUS, i, n);
            double[] label = at(c, RADIUS + 22, i, n);
            String anchor = Math.abs(label[0] - c) < 8 ? "middle" : label[0] > c ? "start" : "end";
            String axisLabel = s.code() != null && !s.code().isBlank() ? s.code() : String.valueOf(s.number());
            axes.add(new Axis(axisLabel, round(end[0]), round(end[1]), round(label[0]), round(label[1] + 5), anchor));
            double r = s.levelRank() == null ? 0 : RADIUS * (s.levelRank() + 1) / levels;
            double[] p = at(c, r, i, n);
            shape.add(p);
            if (gaps != null) {
                Integer t = gaps.rows().stream().filter(g -> g.competencyId() == s.competencyId()).findFirst()
                        .map(org.capacityhub.assessment.domain.TargetProfileService.GapRow::targetRank).orElse(null);
                target.add(at(c, t == null ? 0 : RADIUS * (t + 1) / levels, i, n));
            }
            points.add(new Point(round(p[0]), round(p[1]),
                    s.title() + ": " + (s.levelTitle() == null ? "—" : s.levelTitle())));
        }
        return new RadarChart(SIZE, c, rings, axes, join(shape), points, gaps == null ? null : join(target));
    }

    /** The point at distance {@code r} on axis {@code i} of {@code n}, the first axis pointing up. */
    private static double[] at(double c, double r, int i, int n) {
        double angle = -Math.PI / 2 + 2 * Math.PI * i / Math.max(1, n);
        return new double[] {c + r * Math.cos(angle), c + r * Math.sin(angle)};
    }

    private static String join(List<double[]> corners) {
        StringBuilder s = new StringBuilder();
        for (double[] p : corners) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(String.format(Locale.ROOT, "%.1f,%.1f", p[0], p[1]));
        }
        return s.toString();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
