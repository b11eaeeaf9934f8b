package dev.rehearsal.ui.shell;

import java.util.LinkedHashMap;
import java.util.Map;

/** The keyboard shortcuts, in one place: the menus use them and Help lists them. */
public final class Shortcuts {
  private Shortcuts() {}

  public static final String SEARCH_INCIDENTS = "Shortcut+F";
  public static final String SEARCH_EVERYTHING = "Shortcut+Shift+F";
  public static final String IMPORT = "Shortcut+I";
  public static final String OPEN_WORKSPACE = "Shortcut+O";
  public static final String EXPORT = "Shortcut+E";
  public static final String NEXT = "Alt+Down";
  public static final String PREVIOUS = "Alt+Up";
  public static final String REVIEW = "Shortcut+R";
  public static final String CONFIRM = "Shortcut+Shift+Enter";
  public static final String INCIDENTS = "Shortcut+1";
  public static final String DASHBOARD = "Shortcut+2";
  public static final String SEARCH = "Shortcut+3";
  public static final String IMPORTS = "Shortcut+4";
  public static final String REJECTIONS = "Shortcut+5";
  public static final String SETTINGS = "Shortcut+6";
  public static final String RECORDS = "Shortcut+7";
  public static final String HELP = "F1";
  public static final String QUIT = "Shortcut+Q";

  /** What each shortcut does, for Help. */
  public static Map<String, String> all() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(SEARCH_INCIDENTS, "Search the incidents");
    m.put(SEARCH_EVERYTHING, "Search everything imported");
    m.put(NEXT, "Next incident");
    m.put(PREVIOUS, "Previous incident");
    m.put("Enter / double-click", "Open the selected incident");
    m.put(REVIEW, "Review the incident shown");
    m.put(CONFIRM, "Confirm what the analysis says about it");
    m.put(IMPORT, "Import files, folders or zips");
    m.put(EXPORT, "Export a report");
    m.put(OPEN_WORKSPACE, "Open a workspace");
    m.put(INCIDENTS, "Incidents");
    m.put(DASHBOARD, "Dashboard");
    m.put(SEARCH, "Search");
    m.put(IMPORTS, "Import");
    m.put(REJECTIONS, "Rejected records");
    m.put(SETTINGS, "Settings");
    m.put(RECORDS, "Records: deploys, staging runs, environment facts");
    m.put("Shortcut+C", "Copy the selected rows (tables)");
    m.put(HELP, "This list");
    m.put(QUIT, "Quit");
    return m;
  }

  /** "Shortcut" as the keyboard reads on this system. */
  public static String shown(String combination) {
    boolean mac = System.getProperty("os.name", "").toLowerCase().contains("mac");
    return combination.replace("Shortcut", mac ? "Cmd" : "Ctrl");
  }
}
