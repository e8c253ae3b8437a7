package io.github.rackimages.cli;

import io.github.rackimages.core.Image;
import io.github.rackimages.nova.json.NovaJson;
import io.github.rackimages.nova.json.ReadLimits;
import io.github.rackimages.nova.json.WireFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a catalog file: a detail list in the service's shape ({@code {"images": [...]}}), as
 * {@code images list --detail --all --format json} writes it.
 */
final class CatalogFiles {

  private CatalogFiles() {}

  /**
   * The images of the file, in the file's order.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it, when it cannot be read or is not
   *     a detail list
   */
  static List<Image> read(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        // A file the user wrote may hold a whole catalog: only strings stay bounded.
        NovaJson json = new NovaJson(ReadLimits.forFiles())) {
      return json.readDetailList(in).items();
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("catalog file " + file + " does not exist");
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException("catalog file " + file + " cannot be read: permission denied");
    } catch (IOException e) {
      throw new IllegalArgumentException("catalog file " + file + " cannot be read: " + e.getMessage());
    } catch (WireFormatException e) {
      throw new IllegalArgumentException(
          "catalog file " + file + " is not a detail list (" + Failures.oneLine(e.getMessage())
              + "); write one with: images list --detail --all --format json > FILE");
    }
  }
}
