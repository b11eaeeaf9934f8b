package dev.rehearsal.report.pdf;

import dev.rehearsal.model.Gap;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The reports' charts, as JFreeChart charts that the PDF layout draws as vectors. Every chart is
 * built from plain figures; the same gap always has the same colour.
 */
public final class Charts {
  private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  private static final Color INK = new Color(0x33, 0x33, 0x33);

  private Charts() {}

  /** The colour of a gap in every chart. */
  public static Color colour(Gap g) {
    switch (g) {
      case DATA:
        return new Color(0x4E, 0x79, 0xA7);
      case TRAFFIC:
        return new Color(0xF2, 0x8E, 0x2B);
      case CONFIG:
        return new Color(0xE1, 0x57, 0x59);
      case MOCKS:
        return new Color(0x59, 0xA1, 0x4F);
      default:
        return new Color(0xBA, 0xB0, 0xAC);
    }
  }

  /** Escapes per quarter, stacked by gap (an escape with two gaps counts for both). */
  public static JFreeChart escapesByGap(Map<String, Map<Gap, Long>> byQuarter) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    for (Gap g : Gap.values()) {
      for (var e : byQuarter.entrySet()) {
        ds.addValue(e.getValue().getOrDefault(g, 0L), g.code(), e.getKey());
      }
    }
    StackedBarRenderer r = new StackedBarRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setMaximumBarWidth(0.08);
    int i = 0;
    for (Gap g : Gap.values()) {
      r.setSeriesPaint(i++, colour(g));
    }
    CategoryPlot plot = new CategoryPlot(ds, new CategoryAxis(), axis("escapes", true), r);
    return chart(plot, true, byQuarter.keySet());
  }

  /**
   * The escape rate per quarter, in percent; quarters without change-related incidents are gaps.
   */
  public static JFreeChart escapeRate(Map<String, Double> byQuarter) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    for (var e : byQuarter.entrySet()) {
      ds.addValue(e.getValue() == null ? null : e.getValue() * 100, "escape rate", e.getKey());
    }
    LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
    r.setSeriesPaint(0, new Color(0x1F, 0x4E, 0x79));
    r.setSeriesStroke(0, new BasicStroke(2f));
    r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
    NumberAxis y = axis("% of change-related incidents", false);
    y.setAutoRangeIncludesZero(true);
    CategoryPlot plot = new CategoryPlot(ds, new CategoryAxis(), y, r);
    return chart(plot, false, byQuarter.keySet());
  }

  /** Escapes by service, most first, as horizontal bars. */
  public static JFreeChart escapesByService(Map<String, Long> byService) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    for (var e : byService.entrySet()) {
      ds.addValue(e.getValue(), "escapes", e.getKey());
    }
    BarRenderer r = new BarRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setSeriesPaint(0, new Color(0x1F, 0x4E, 0x79));
    r.setMaximumBarWidth(0.1);
    CategoryPlot plot = new CategoryPlot(ds, new CategoryAxis(), axis("escapes", true), r);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    return chart(plot, false, byService.keySet());
  }

  /** A mark on an incident's timeline. */
  public record Mark(long at, String lane, String kind) {}

  /**
   * An incident's timeline: one lane per service (its own, then the services it depends on), a mark
   * per deploy and run by kind, the incident open from onset to resolution shaded.
   *
   * @param kinds the kinds of mark, in legend order, each with its colour
   */
  public static JFreeChart timeline(
      List<String> lanes,
      List<Mark> marks,
      Map<String, Paint> kinds,
      long onset,
      Long resolved,
      long from,
      long to) {
    Map<String, XYSeries> series = new LinkedHashMap<>();
    for (String k : kinds.keySet()) {
      series.put(k, new XYSeries(k, false, true));
    }
    for (Mark m : marks) {
      int lane = lanes.indexOf(m.lane());
      XYSeries s = series.get(m.kind());
      if (lane >= 0 && s != null) {
        s.add(m.at(), lane);
      }
    }
    XYSeriesCollection ds = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    int i = 0;
    for (var e : series.entrySet()) {
      if (e.getValue().getItemCount() == 0) {
        continue;
      }
      ds.addSeries(e.getValue());
      r.setSeriesPaint(i, kinds.get(e.getKey()));
      r.setSeriesShape(i, shape(e.getKey()));
      i++;
    }
    DateAxis x = new DateAxis();
    x.setTimeZone(TimeZone.getTimeZone("UTC"));
    if (to - from > 3L * 86_400_000) {
      x.setTickUnit(
          new org.jfree.chart.axis.DateTickUnit(
              org.jfree.chart.axis.DateTickUnitType.DAY, 1, utc("MM-dd")));
    } else {
      x.setDateFormatOverride(utc("MM-dd HH:mm"));
    }
    x.setRange(from, to);
    SymbolAxis y = new SymbolAxis(null, lanes.toArray(String[]::new));
    y.setGridBandsVisible(false);
    y.setInverted(true);
    y.setRange(-0.6, lanes.size() - 0.4);
    XYPlot plot = new XYPlot(ds, x, y, r);
    IntervalMarker open =
        new IntervalMarker(
            onset,
            resolved == null || resolved <= onset ? onset + 60_000 : resolved,
            new Color(0xE1, 0x57, 0x59, 40));
    plot.addDomainMarker(open);
    ValueMarker start = new ValueMarker(onset, new Color(0xE1, 0x57, 0x59), new BasicStroke(1.5f));
    start.setLabel("onset");
    start.setLabelFont(ReportFonts.chartFont(8f, Font.PLAIN, List.of("onset")));
    start.setLabelOffset(new RectangleInsets(2, 4, 2, 2));
    plot.addDomainMarker(start);
    return chart(plot, true, lanes);
  }

  private static Shape shape(String kind) {
    if (kind.contains("linked")) {
      return new Rectangle2D.Double(-5, -5, 10, 10);
    }
    if (kind.contains("run") || kind.contains("test")) {
      return new Ellipse2D.Double(-3, -3, 6, 6);
    }
    return new Rectangle2D.Double(-3, -3, 6, 6);
  }

  private static SimpleDateFormat utc(String pattern) {
    SimpleDateFormat f = new SimpleDateFormat(pattern, Locale.ROOT);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    return f;
  }

  private static NumberAxis axis(String label, boolean integers) {
    NumberAxis a = new NumberAxis(label);
    if (integers) {
      a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    a.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.ROOT));
    return a;
  }

  /** The house style: white, light grid, the embedded fonts chosen for the labels. */
  private static JFreeChart chart(
      org.jfree.chart.plot.Plot plot, boolean legend, Iterable<String> labels) {
    List<String> texts = new ArrayList<>();
    labels.forEach(texts::add);
    Font tick = ReportFonts.chartFont(8.5f, Font.PLAIN, texts);
    Font label = ReportFonts.chartFont(9f, Font.PLAIN, List.of("escapes"));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    if (plot instanceof CategoryPlot c) {
      c.setRangeGridlinePaint(GRID);
      c.getDomainAxis().setTickLabelFont(tick);
      c.getDomainAxis().setTickLabelPaint(INK);
      c.getDomainAxis().setMaximumCategoryLabelLines(2);
      if (c.getOrientation() == PlotOrientation.VERTICAL && texts.size() > 8) {
        c.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
      }
      c.getRangeAxis().setTickLabelFont(tick);
      c.getRangeAxis().setLabelFont(label);
      c.getRangeAxis().setLabelPaint(INK);
    } else if (plot instanceof XYPlot x) {
      x.setDomainGridlinePaint(GRID);
      x.setRangeGridlinePaint(GRID);
      x.getDomainAxis().setTickLabelFont(tick);
      x.getRangeAxis().setTickLabelFont(tick);
    }
    JFreeChart chart = new JFreeChart(null, tick, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    if (legend) {
      LegendTitle l = chart.getLegend();
      l.setItemFont(ReportFonts.chartFont(8.5f, Font.PLAIN, List.of("unexplained")));
      l.setFrame(org.jfree.chart.block.BlockBorder.NONE);
      l.setPosition(RectangleEdge.BOTTOM);
    }
    return chart;
  }
}
