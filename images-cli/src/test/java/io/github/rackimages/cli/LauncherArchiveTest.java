package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/images}'s class-data sharing archive: made once next to the jar, used while it is newer than the jar,
 * made again when the jar changes, and never a reason for the command to fail. The script runs on a copy of the
 * project's layout whose jar is a tiny stand-in (it prints its arguments), so the test needs neither the real jar
 * nor a build; {@code -Xshare:on} makes the JVM refuse to start unless the archive it is given is usable.
 */
class LauncherArchiveTest {

  @TempDir Path project;

  private Path jar;
  private Path archive;
  private Path runs;

  @BeforeEach
  void layOut() throws IOException, InterruptedException {
    Path script = Path.of("..", "bin", "images").toAbsolutePath().normalize();
    assumeTrue(Files.isRegularFile(script) && bashRuns(), "bash and bin/images are needed");
    Files.createDirectories(project.resolve("bin"));
    Files.copy(script, project.resolve("bin/images"));
    jar = project.resolve("images-cli/target/images.jar");
    archive = project.resolve("images-cli/target/images.jsa");
    runs = project.resolve("runs.log");
    writeJar("ran");
  }

  @Test
  void theFirstRunMakesTheArchiveAndLaterRunsUseIt() throws Exception {
    Run first = images(Map.of(), "list");

    assertThat(first.out()).isEqualTo("ran list\n");
    assertThat(first.err()).isEmpty();
    assertThat(archive).exists();
    assertThat(trainingRuns()).isEqualTo(1);

    Run shared = images(Map.of("IMAGES_JAVA_OPTS", "-Xshare:on"), "list", "--all");

    assertThat(shared.code()).as(shared.toString()).isZero();
    assertThat(shared.out()).isEqualTo("ran list --all\n");
    assertThat(trainingRuns()).isEqualTo(1);
  }

  @Test
  void aRebuiltJarGetsANewArchiveAndTheStaleOneIsNeverUsed() throws Exception {
    images(Map.of(), "list");
    // The archive made a minute ago, the jar rebuilt since (mtimes in the past: the new archive must be newer).
    long now = System.currentTimeMillis();
    Files.setLastModifiedTime(archive, FileTime.fromMillis(now - 60_000));
    writeJar("rebuilt");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(now - 30_000));

    // Given the stale archive, -Xshare:on would stop the JVM ("shared class paths mismatch").
    Run after = images(Map.of("IMAGES_JAVA_OPTS", "-Xshare:on"), "list");

    assertThat(after.code()).as(after.toString()).isZero();
    assertThat(after.out()).isEqualTo("rebuilt list\n");
    assertThat(trainingRuns()).isEqualTo(2);
    assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(Files.getLastModifiedTime(jar));
    assertThat(images(Map.of("IMAGES_JAVA_OPTS", "-Xshare:on"), "list").out()).isEqualTo("rebuilt list\n");
    assertThat(trainingRuns()).isEqualTo(2);
  }

  @Test
  void anUnusableArchiveIsIgnoredQuietly() throws Exception {
    images(Map.of(), "list");
    Files.writeString(archive, "not an archive");
    Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2_000));

    Run run = images(Map.of(), "list");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("ran list\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void whenTheArchiveCannotBeMadeTheCommandRunsWithoutItAndDoesNotTryAgainForThisJar() throws Exception {
    Map<String, String> env = Map.of("STAND_IN_FAILS_TRAINING", "yes");

    Run first = images(env, "list");
    Run second = images(env, "list");

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.out()).isEqualTo("ran list\n");
    assertThat(first.err()).isEmpty();
    assertThat(second.out()).isEqualTo("ran list\n");
    assertThat(archive).doesNotExist();
    assertThat(trainingRuns()).isEqualTo(1);
  }

  @Test
  void commandsRunOnTheSerialCollectorUnlessTheOptionsNameAnother() throws Exception {
    Run plain = images(Map.of("STAND_IN_PRINT_GC", "1"), "list");
    Run parallel = images(Map.of("STAND_IN_PRINT_GC", "1", "IMAGES_JAVA_OPTS", "-XX:+UseParallelGC"), "list");

    assertThat(plain.out()).as(plain.toString()).contains("gc Copy").doesNotContain("G1");
    assertThat(parallel.code()).as(parallel.toString()).isZero();
    assertThat(parallel.out()).contains("gc PS Scavenge").doesNotContain("gc Copy");
  }

  @Test
  void imagesCdsOffRunsWithoutAnArchive() throws Exception {
    Run run = images(Map.of("IMAGES_CDS", "off"), "list");

    assertThat(run.out()).isEqualTo("ran list\n");
    assertThat(archive).doesNotExist();
    assertThat(trainingRuns()).isZero();
  }

  private record Run(int code, String out, String err) {}

  private Run images(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", project.resolve("bin/images").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    // This test's own java first on the PATH, and none of the caller's settings.
    String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
    pb.environment().put("PATH", javaBin + java.io.File.pathSeparator + System.getenv("PATH"));
    pb.environment().remove("IMAGES_JAVA_OPTS");
    pb.environment().remove("IMAGES_CDS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().put("STAND_IN_RUNS", runs.toString());
    pb.environment().putAll(env);
    Path out = project.resolve("out.txt");
    Path err = project.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("bin/images finished").isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** How often the stand-in ran as the archive's training run ({@code train-archive}). */
  private long trainingRuns() throws IOException {
    return Files.exists(runs) ? Files.readAllLines(runs).stream().filter("train-archive"::equals).count() : 0;
  }

  /**
   * A stand-in for the command's jar: prints {@code word} and its arguments, notes each run's arguments in
   * {@code $STAND_IN_RUNS}, and fails a training run when {@code STAND_IN_FAILS_TRAINING} is set.
   */
  private void writeJar(String word) throws IOException, InterruptedException {
    Path src = project.resolve("src-" + word);
    Path classes = project.resolve("classes-" + word);
    Files.createDirectories(src);
    Files.createDirectories(classes);
    Files.writeString(
        src.resolve("StandIn.java"),
        """
        import java.nio.file.*;
        public class StandIn {
          public static void main(String[] args) throws Exception {
            String joined = String.join(" ", args);
            Files.writeString(Path.of(System.getenv("STAND_IN_RUNS")), joined + "\\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (joined.equals("train-archive") && System.getenv("STAND_IN_FAILS_TRAINING") != null) {
              System.exit(3);
            }
            System.out.println("%s " + joined);
            if (System.getenv("STAND_IN_PRINT_GC") != null) {
              for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                System.out.println("gc " + gc.getName());
              }
            }
          }
        }
        """
            .formatted(word));
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    Process p =
        new ProcessBuilder(javac.toString(), "-d", classes.toString(), src.resolve("StandIn.java").toString())
            .inheritIO()
            .start();
    assertThat(p.waitFor()).as("javac").isZero();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "StandIn");
    Files.createDirectories(jar.getParent());
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry("StandIn.class"));
      out.write(Files.readAllBytes(classes.resolve("StandIn.class")));
      out.closeEntry();
    }
  }

  private static boolean bashRuns() throws InterruptedException {
    try {
      return new ProcessBuilder("bash", "-c", "true").start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
