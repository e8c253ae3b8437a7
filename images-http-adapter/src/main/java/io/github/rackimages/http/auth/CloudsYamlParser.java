package io.github.rackimages.http.auth;

import java.nio.file.Path;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * The one class that uses SnakeYAML Engine; loaded only after {@link CloudsYaml#requireEngine} found it. The
 * failsafe schema keeps every scalar a string exactly as written (a password {@code 0123} or {@code yes} stays
 * that), and documents build only maps, lists and strings, never objects of a named class.
 */
final class CloudsYamlParser {

  private CloudsYamlParser() {}

  /**
   * The document's maps, lists and strings.
   *
   * @throws IllegalStateException if it is not YAML; the message gives the line and column, never the text there
   *     (it may be a password)
   */
  static Object parse(String text, Path file) {
    LoadSettings settings =
        LoadSettings.builder()
            .setSchema(new FailsafeSchema())
            .setAllowDuplicateKeys(false)
            .setMaxAliasesForCollections(50)
            .setCodePointLimit(CloudsYaml.MAX_BYTES)
            .setLabel(file.toString())
            .build();
    try {
      return new Load(settings).loadFromString(text);
    } catch (MarkedYamlEngineException e) {
      String at = e.getProblemMark()
          .map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
          .orElse("");
      throw new IllegalStateException("clouds.yaml at " + file + " is not valid YAML" + at, null);
    } catch (YamlEngineException | IllegalArgumentException e) {
      throw new IllegalStateException("clouds.yaml at " + file + " is not valid YAML", null);
    }
  }
}
