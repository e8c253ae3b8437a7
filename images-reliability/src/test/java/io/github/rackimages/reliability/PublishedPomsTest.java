package io.github.rackimages.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a public repository requires of the POMs we publish: a description, a URL, a license, developers and SCM
 * (inherited from the parent; the BOM, which has no parent, carries its own), sources and Javadoc jars, and a
 * reproducible build time stamp. Modules that are not published say so.
 */
class PublishedPomsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> UNPUBLISHED = List.of("images-examples", "images-benchmarks", "images-reliability");

  private static Element pom(String module) throws Exception {
    Path file = module.isEmpty() ? ROOT.resolve("pom.xml") : ROOT.resolve(module).resolve("pom.xml");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document d = f.newDocumentBuilder().parse(file.toFile());
    return d.getDocumentElement();
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String path) {
    Element e = parent;
    for (String part : path.split("/")) {
      e = e == null ? null : child(e, part);
    }
    return e == null ? "" : e.getTextContent().strip();
  }

  private static List<String> modules() throws Exception {
    List<String> out = new ArrayList<>();
    NodeList list = child(pom(""), "modules").getElementsByTagName("module");
    for (int i = 0; i < list.getLength(); i++) {
      out.add(list.item(i).getTextContent().strip());
    }
    return out;
  }

  @Test
  void theParentAndTheBomCarryWhatAPublicRepositoryRequires() throws Exception {
    for (String module : List.of("", "images-bom")) {
      Element pom = pom(module);
      String name = module.isEmpty() ? "the parent" : module;
      assertThat(text(pom, "description")).as(name + " description").isNotBlank();
      assertThat(text(pom, "url")).as(name + " url").startsWith("https://");
      assertThat(text(pom, "licenses/license/name")).as(name + " license").contains("Apache License");
      assertThat(text(pom, "developers/developer/name")).as(name + " developer").isNotBlank();
      assertThat(text(pom, "scm/connection")).as(name + " scm").startsWith("scm:git:");
      assertThat(text(pom, "properties/project.build.outputTimestamp")).as(name + " reproducible time stamp")
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }
  }

  @Test
  void everyModuleDescribesItselfAndThePublishedOnesShipSourcesAndJavadoc() throws Exception {
    List<String> modules = modules();
    assertThat(modules).contains("images-core", "images-nova-json", "images-cli").containsAll(UNPUBLISHED);
    String parentPlugins = Files.readString(ROOT.resolve("pom.xml"));
    assertThat(parentPlugins).contains("<id>attach-sources</id>", "<id>attach-javadocs</id>");
    for (String module : modules) {
      Element pom = pom(module);
      assertThat(text(pom, "description")).as(module + " description").isNotBlank();
      boolean skips = text(pom, "properties/maven.source.skip").equals("true")
          && text(pom, "properties/maven.javadoc.skip").equals("true")
          && text(pom, "properties/maven.deploy.skip").equals("true");
      assertThat(skips).as(module + " skips publishing (sources, javadoc, deploy)").isEqualTo(UNPUBLISHED.contains(module));
    }
  }
}
