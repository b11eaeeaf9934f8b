package dev.rehearsal.analysis;

import dev.rehearsal.index.DocKind;
import dev.rehearsal.index.Workspace;
import dev.rehearsal.model.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings an analysis stored, in the order of its incidents, read back from the workspace the
 * first time one is asked for. An analysis that stores its findings writes each as it is made and
 * keeps none: most callers only want the counts, and the findings of a hundred thousand incidents
 * held beside the analysis's input would double its heap.
 *
 * <p>They are read from the workspace as it is when first asked; read them before the next analysis
 * of the same workspace replaces them.
 */
final class StoredFindings extends AbstractList<Finding> {
  private final Workspace ws;
  private final String[] keys;
  private List<Finding> loaded;

  StoredFindings(Workspace ws, String[] keys) {
    this.ws = ws;
    this.keys = keys;
  }

  @Override
  public Finding get(int index) {
    return load().get(index);
  }

  @Override
  public int size() {
    return keys.length;
  }

  private synchronized List<Finding> load() {
    if (loaded == null) {
      Map<String, Finding> byIncident = new HashMap<>(keys.length * 2);
      try {
        ws.records()
            .forEach(DocKind.FINDING, Finding.class, f -> byIncident.put(f.incidentKey(), f));
      } catch (IOException e) {
        throw new UncheckedIOException("could not read the stored findings back", e);
      }
      List<Finding> out = new ArrayList<>(keys.length);
      for (String key : keys) {
        Finding f = byIncident.get(key);
        if (f == null) {
          throw new IllegalStateException(
              "the finding of " + key + " is no longer in the workspace");
        }
        out.add(f);
      }
      loaded = List.copyOf(out);
    }
    return loaded;
  }
}
