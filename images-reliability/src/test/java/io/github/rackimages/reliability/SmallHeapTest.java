package io.github.rackimages.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.rackimages.core.ImageCatalogProtocolException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page of 1,000 names of a megabyte each, read with a small heap: the reader stops at its string limit with a
 * typed failure, and the command line, in a child JVM at {@code -Xmx32m}, says so in one line, with no stack trace.
 */
class SmallHeapTest {

  private static final int IMAGES = 1000;
  private static final int NAME_BYTES = 1 << 20;

  @TempDir Path dir;

  /** Serves, to every request, one detail page of huge names, written as it goes (never held whole). */
  private static final class HugePage implements AutoCloseable {
    private final ServerSocket socket;

    HugePage() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread t = new Thread(this::serve, "huge-page");
      t.setDaemon(true);
      t.start();
    }

    URI endpoint() {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v2/123456");
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket s = socket.accept()) {
          answer(s);
        } catch (IOException e) {
          // The client gave up reading, as it should: next connection.
        }
      }
    }

    private static void answer(Socket s) throws IOException {
      InputStream in = s.getInputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      byte[] name = new byte[NAME_BYTES];
      Arrays.fill(name, (byte) 'n');
      // Chunked, with no length declared: the cap on declared lengths cannot refuse it up front.
      OutputStream out = s.getOutputStream();
      out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      chunk(out, "{\"images\": [".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < IMAGES; i++) {
        chunk(out, ((i == 0 ? "" : ",") + "{\"id\": \"img-" + i + "\", \"created\": \"2015-03-10T18:35:18Z\","
            + " \"name\": \"").getBytes(StandardCharsets.US_ASCII));
        chunk(out, name);
        chunk(out, "\"}".getBytes(StandardCharsets.US_ASCII));
      }
      chunk(out, "]}".getBytes(StandardCharsets.US_ASCII));
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    private static void chunk(OutputStream out, byte[] bytes) throws IOException {
      out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  void theAdapterStopsAtItsStringLimitWithATypedFailure() throws IOException {
    try (HugePage page = new HugePage()) {
      HttpImageCatalog catalog =
          HttpImageCatalog.builder().token("tok-small-heap", page.endpoint()).retryPolicy(RetryPolicy.none()).build();

      ImageCatalogProtocolException e = catchThrowableOfType(
          () -> catalog.list(ImageFilter.all(), PageRequest.first(1000)), ImageCatalogProtocolException.class);

      assertThat(e.getMessage()).contains("read limit maxStringChars = 65536").contains("readLimits");
    }
  }

  @Test
  void theCommandLineAtXmx32mPrintsOneLineAndNoStackTrace() throws Exception {
    try (HugePage page = new HugePage()) {
      Path out = dir.resolve("out.txt");
      Path err = dir.resolve("err.txt");
      ProcessBuilder pb = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
          "-cp", System.getProperty("java.class.path"), "io.github.rackimages.cli.ImagesCommand",
          "list", "--detail", "--limit", "1000", "--endpoint", page.endpoint().toString(), "--token", "tok-small-heap")
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("RACKSPACE_") || k.startsWith("IMAGES_") || k.equals("JAVA_TOOL_OPTIONS"));
      Process process = pb.start();
      assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the command ended").isTrue();

      String errText = Files.readString(err);
      assertThat(process.exitValue()).as(errText).isEqualTo(1);
      assertThat(errText.lines()).as(errText).hasSize(1);
      assertThat(errText)
          .contains("read limit maxStringChars = 65536")
          .doesNotContain("\tat ")
          .doesNotContain("Exception in thread")
          .doesNotContain("OutOfMemoryError");
      assertThat(Files.readString(out)).isEmpty();
    }
  }
}
