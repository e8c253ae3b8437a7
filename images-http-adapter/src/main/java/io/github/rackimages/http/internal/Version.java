package io.github.rackimages.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This library's version, for the {@code User-Agent} header. */
public final class Version {

  private static final String VERSION = read();

  private Version() {}

  /** The version, such as {@code 1.0.0}; {@code dev} when it cannot be told (classes not built by Maven). */
  public static String current() {
    return VERSION;
  }

  private static String read() {
    // The build writes the version into this resource (Maven resource filtering).
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "").trim();
        if (!v.isEmpty() && !v.startsWith("$") && v.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
          return v;
        }
      }
    } catch (IOException e) {
      // Fall through to the module's own version.
    }
    return Version.class.getModule().getDescriptor() == null
        ? "dev"
        : Version.class.getModule().getDescriptor().rawVersion().orElse("dev");
  }
}
