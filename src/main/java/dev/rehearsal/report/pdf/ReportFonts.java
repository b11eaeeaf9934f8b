package dev.rehearsal.report.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The fonts the PDF reports embed, shipped with the product so a report prints the same on every
 * machine: Noto Sans (Latin with accents, Greek, Cyrillic; regular and bold), DejaVu Sans (arrows,
 * check marks and other symbols), Droid Sans Fallback (Chinese and Japanese) and Nanum Gothic
 * Coding (Korean). Licences: fonts/FONTS-LICENSES.txt beside them. A character none of them draws
 * (an emoji) is printed as U+FFFD, so it takes one character's room and the layout holds.
 */
public final class ReportFonts {
  /** A font file and the CSS family it is known by in the reports. */
  record Face(String resource, String family, int weight) {}

  /** In the order the layout falls back through them, the body font first. */
  static final List<Face> FACES =
      List.of(
          new Face("NotoSans-Regular.ttf", "body", 400),
          new Face("NotoSans-Bold.ttf", "body", 700),
          new Face("DejaVuSans.ttf", "symbols", 400),
          new Face("DroidSansFallbackFull.ttf", "cjk", 400),
          new Face("NanumGothicCoding.ttf", "hangul", 400));

  /** The CSS font-family list that falls back through every face. */
  static final String CSS_FAMILIES = "body, symbols, cjk, hangul";

  /** What stands for a character no embedded font draws. */
  static final int MISSING = 0xFFFD;

  private static volatile List<Font> awt;

  private static final java.util.Map<String, byte[]> BYTES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private ReportFonts() {}

  static InputStream open(String resource) {
    InputStream in =
        ReportFonts.class.getResourceAsStream("/dev/rehearsal/report/fonts/" + resource);
    if (in == null) {
      throw new IllegalStateException("the report font " + resource + " is missing from the build");
    }
    return in;
  }

  /**
   * A face's bytes as the PDF embeds it, read once. Its glyph substitution table (GSUB) is hidden
   * by renaming its tag: the reports need no ligatures or contextual forms (Latin, Greek, Cyrillic,
   * CJK and precomposed Hangul print without them), and PDFBox applies that table to every run of
   * text it writes, which made a report several times slower. The embedded subset keeps only the
   * tables a PDF needs either way.
   */
  static byte[] embeddable(String resource) {
    return BYTES.computeIfAbsent(
        resource,
        r -> {
          try (InputStream in = open(r)) {
            byte[] b = in.readAllBytes();
            hideTable(b, "GSUB");
            return b;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Renames a table in a TrueType font's table directory so readers do not find it. */
  static void hideTable(byte[] font, String tag) {
    if (font.length < 12) {
      return;
    }
    int tables = ((font[4] & 0xFF) << 8) | (font[5] & 0xFF);
    for (int i = 0; i < tables; i++) {
      int at = 12 + 16 * i;
      if (at + 4 > font.length) {
        return;
      }
      if (font[at] == tag.charAt(0)
          && font[at + 1] == tag.charAt(1)
          && font[at + 2] == tag.charAt(2)
          && font[at + 3] == tag.charAt(3)) {
        for (int k = 0; k < 4; k++) {
          font[at + k] = (byte) Character.toLowerCase(tag.charAt(k));
        }
      }
    }
  }

  /** The regular faces as AWT fonts (size 1), body first, for coverage and for the charts. */
  static List<Font> awtFonts() {
    List<Font> fonts = awt;
    if (fonts == null) {
      synchronized (ReportFonts.class) {
        fonts = awt;
        if (fonts == null) {
          fonts =
              FACES.stream().filter(f -> f.weight() == 400).map(f -> load(f.resource())).toList();
          awt = fonts;
        }
      }
    }
    return fonts;
  }

  private static Font load(String resource) {
    try (InputStream in = open(resource)) {
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("the report font " + resource + " cannot be read", e);
    }
  }

  /** Whether some embedded font draws the character. */
  static boolean drawable(int codePoint) {
    for (Font f : awtFonts()) {
      if (f.canDisplay(codePoint)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text with every character no embedded font draws replaced by U+FFFD; one emoji made of
   * several code points (joined, with a skin tone or a variation selector) becomes one U+FFFD.
   */
  public static String printable(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean lastReplaced = false;
    boolean joined = false;
    boolean changed = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      boolean modifier =
          cp == 0x200D
              || (cp >= 0xFE00 && cp <= 0xFE0F)
              || (cp >= 0x1F3FB && cp <= 0x1F3FF)
              || (cp >= 0xE0020 && cp <= 0xE007F);
      if (modifier) {
        joined = cp == 0x200D && lastReplaced;
        changed = true;
        continue;
      }
      if (cp < 0x80 || Character.isWhitespace(cp) || drawable(cp)) {
        out.appendCodePoint(cp);
        lastReplaced = false;
      } else {
        if (!joined) {
          out.appendCodePoint(MISSING);
        }
        lastReplaced = true;
        changed = true;
      }
      joined = false;
    }
    return changed ? out.toString() : text;
  }

  /** The first face (as an AWT font of the given size) that draws all of the texts. */
  static Font chartFont(float size, int style, Iterable<String> texts) {
    List<Font> fonts = awtFonts();
    for (Font f : fonts) {
      boolean all = true;
      for (String t : texts) {
        if (t != null && f.canDisplayUpTo(t) != -1) {
          all = false;
          break;
        }
      }
      if (all) {
        return f.deriveFont(style, size);
      }
    }
    return fonts.get(0).deriveFont(style, size);
  }
}
