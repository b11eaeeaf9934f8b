package dev.rehearsal.importers.deploys;

import dev.rehearsal.importers.ImportContext;
import dev.rehearsal.importers.ImportException;
import dev.rehearsal.importers.ImportSource;
import dev.rehearsal.importers.Importer;
import dev.rehearsal.importers.RecordSink;
import dev.rehearsal.importers.Sniff;
import dev.rehearsal.importers.support.CsvTable;
import dev.rehearsal.importers.support.DateOrderDetector;
import dev.rehearsal.model.RecordKind;
import java.io.IOException;
import java.util.List;

/**
 * Rehearsal's generic deploy CSV: a header with {@code time, service, environment, version, status}
 * (any order, any case, comma, semicolon or tab separated) and optionally {@code commit, id,
 * started, url, rollback, description, ref, actor}; see docs/formats/deploys.md. Numeric dates have
 * their day/month order decided for the whole file first.
 */
public final class GenericDeploysCsvImporter implements Importer {
  public static final String ID = "deploys-csv";
  private static final String TOOL = GenericDeploys.TOOL;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Deploys, Rehearsal CSV (time, service, environment, version, status)";
  }

  @Override
  public RecordKind kind() {
    return RecordKind.DEPLOY;
  }

  @Override
  public int recognizes(Sniff s) {
    if (s.looksLikeJson() || s.looksLikeXml()) {
      return NO;
    }
    return s.csvHeaderHas(GenericDeploys.REQUIRED) ? 70 : NO;
  }

  @Override
  public void parse(ImportSource source, ImportContext ctx, RecordSink sink)
      throws IOException, ImportException {
    String file = source.displayName();
    DateOrderDetector.Result order =
        CsvTable.dateOrder(source, ctx.options().dateOrder(), List.of("time", "started"));
    ImportContext c = ctx;
    if (order.decided()) {
      c = ctx.withOptions(ctx.options().withDateOrder(order.order()));
    } else {
      sink.warn(order.problem());
    }
    final ImportContext rowCtx = c;
    try (CsvTable t = CsvTable.open(source, sink)) {
      for (String col : new String[] {"time", "service"}) {
        if (!t.has(col)) {
          throw new ImportException("the header has no '" + col + "' column", 1);
        }
      }
      CsvTable.Row r;
      while ((r = t.next()) != null) {
        final CsvTable.Row row = r;
        Emit.one(
            sink,
            ctx,
            row.line(),
            row.index(),
            () -> {
              if (!row.complete()) {
                throw new Reject(
                    "the row has " + row.size() + " cells, the header " + t.header().length);
              }
              return GenericDeploys.map(row::get, rowCtx)
                  .build(TOOL, file, row.line(), row.index(), ID);
            });
      }
      t.notes().forEach(sink::warn);
    }
  }
}
