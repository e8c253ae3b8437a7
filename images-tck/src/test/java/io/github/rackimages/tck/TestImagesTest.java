package io.github.rackimages.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.DiskConfig;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Link;
import io.github.rackimages.core.ServerId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TestImagesTest {

  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private static final List<Image> MANY = TestImages.many(600, 42L);

  @Test
  void sameSeedGivesEqualImagesAndAnotherSeedOtherIds() {
    assertThat(TestImages.many(600, 42L)).isEqualTo(MANY);
    assertThat(TestImages.many(50, 43L)).extracting(Image::id).doesNotContainAnyElementsOf(ids(MANY));
    assertThat(TestImages.base(3)).isEqualTo(TestImages.base(3));
    assertThat(TestImages.snapshotOf(TestImages.serverId(2), 5)).isEqualTo(TestImages.snapshotOf(TestImages.serverId(2), 5));
  }

  @Test
  void idsAreDistinctUuidsDerivedFromTheSeed() {
    assertThat(ids(MANY)).hasSize(600).doesNotHaveDuplicates();
    assertThat(MANY).allSatisfy(i -> assertThat(i.id().value()).matches(UUID));
    assertThat(MANY.get(7).id()).isEqualTo(TestImages.imageId(42L, 7));
    assertThat(TestImages.serverId(1).value()).matches(UUID).isNotEqualTo(TestImages.serverId(2).value());
    assertThat(TestImages.imageId("x")).isEqualTo(TestImages.imageId("x")).isNotEqualTo(TestImages.imageId("y"));
  }

  @Test
  void manyMixesEveryStatusTypeAndAbsentField() {
    assertThat(MANY).extracting(Image::status).contains(ImageStatus.values());
    assertThat(MANY).extracting(Image::rawStatus).contains("IMPORTING");
    assertThat(MANY).extracting(i -> i.type().orElse(null)).contains(ImageType.BASE, ImageType.SNAPSHOT, null);
    assertThat(MANY).anySatisfy(i -> assertThat(i.name()).isEmpty());
    assertThat(MANY).anySatisfy(i -> assertThat(i.updated()).isEmpty());
    assertThat(MANY).anySatisfy(i -> assertThat(i.size()).isEmpty());
    assertThat(MANY).anySatisfy(i -> assertThat(i.diskConfig()).contains(DiskConfig.AUTO));
    assertThat(MANY).anySatisfy(i -> assertThat(i.diskConfig()).contains(DiskConfig.MANUAL));
  }

  @Test
  void manyHasTiesOnCreatedSoThatTheIdOrderMatters() {
    Set<Instant> distinct = MANY.stream().map(Image::created).collect(Collectors.toSet());
    assertThat(distinct.size()).isLessThan(MANY.size() * 3 / 4);
  }

  @Test
  void manySnapshotsBelongToTheDocumentedServers() {
    Set<ServerId> servers =
        MANY.stream().flatMap(i -> i.server().stream()).map(s -> s.id()).collect(Collectors.toSet());
    assertThat(servers)
        .hasSize(TestImages.SERVERS_IN_MANY)
        .allSatisfy(s -> assertThat(s).isIn(
            TestImages.serverId(1), TestImages.serverId(2), TestImages.serverId(3), TestImages.serverId(4),
            TestImages.serverId(5), TestImages.serverId(6)));
  }

  @Test
  void imagesFollowTheServicesOwnRules() {
    List<Image> all = new java.util.ArrayList<>(MANY);
    all.addAll(TestImages.edgeCases());
    all.add(TestImages.base(0));
    all.add(TestImages.snapshotOf(TestImages.serverId(9), 0));
    assertThat(all).allSatisfy(i -> {
      assertThat(i.created().getNano()).as("created of %s is a whole second", i.id()).isZero();
      i.updated().ifPresent(u -> assertThat(u.getNano()).as("updated of %s", i.id()).isZero());
      assertThat(i.server().map(s -> s.id().value()))
          .as("server of %s equals its instance_uuid", i.id())
          .isEqualTo(i.metadata().getString("instance_uuid"));
      assertThat(i.diskConfig().isPresent())
          .as("disk config of %s present exactly with auto_disk_config", i.id())
          .isEqualTo(i.metadata().get("auto_disk_config").isPresent());
    });
  }

  @Test
  void baseImageLooksLikeARackspaceBaseImage() {
    Image base = TestImages.base(1);
    assertThat(base.id()).isEqualTo(TestImages.imageId("base/1"));
    assertThat(base.name()).contains("CentOS 7 (PVHVM)");
    assertThat(base.type()).contains(ImageType.BASE);
    assertThat(base.status()).isEqualTo(ImageStatus.ACTIVE);
    assertThat(base.server()).isEmpty();
    assertThat(base.metadata().asStrings())
        .containsEntry("org.openstack__1__os_distro", "org.centos")
        .containsKeys("com.rackspace__1__visible_core", "flavor_classes", "vm_mode");
    assertThat(base.links()).extracting(Link::rel).containsExactly("self", "bookmark", "alternate");
    assertThat(TestImages.base(12).name()).contains("Ubuntu 14.04 LTS (Trusty Tahr) (PVHVM) v2");
  }

  @Test
  void snapshotCarriesItsServerReferenceAndMetadata() {
    ServerId server = TestImages.serverId(7);
    Image snapshot = TestImages.snapshotOf(server, 2);
    assertThat(snapshot.type()).contains(ImageType.SNAPSHOT);
    assertThat(snapshot.server()).contains(TestImages.serverReference(server));
    assertThat(snapshot.server().orElseThrow().links())
        .extracting(l -> l.href().toString())
        .containsExactly(
            TestImages.ENDPOINT + "/servers/" + server.value(),
            "https://dfw.servers.api.rackspacecloud.com/" + TestImages.TENANT + "/servers/" + server.value());
    assertThat(snapshot.metadata().asStrings())
        .containsEntry("instance_uuid", server.value())
        .containsKeys("base_image_ref", "user_id");
    assertThat(snapshot.name().orElseThrow()).startsWith("Daily-" + server.value().substring(0, 8) + "-");
  }

  @Test
  void edgeCasesUseEveryOddValue() {
    List<Image> edge = TestImages.edgeCases();
    assertThat(ids(edge)).doesNotHaveDuplicates();
    assertThat(edge).anySatisfy(i -> assertThat(i.name()).isEmpty());
    assertThat(edge).anySatisfy(i -> assertThat(i.name()).contains(""));
    assertThat(edge).anySatisfy(i -> assertThat(i.updated()).isEmpty());
    assertThat(edge).anySatisfy(i -> assertThat(i.size()).hasValue(0L));
    assertThat(edge).anySatisfy(i -> assertThat(i.size().orElse(0)).isGreaterThan(Integer.MAX_VALUE));
    assertThat(edge).anySatisfy(i -> assertThat(i.status()).isEqualTo(ImageStatus.UNRECOGNIZED));
    assertThat(edge).anySatisfy(i -> assertThat(i.otherFields()).isNotEmpty());
    assertThat(edge).anySatisfy(i -> assertThat(i.server().map(s -> s.links().isEmpty())).contains(true));
    assertThat(edge)
        .flatExtracting(i -> List.copyOf(i.metadata().values().values()))
        .anySatisfy(v -> assertThat(v.isText()).isFalse())
        .anySatisfy(v -> assertThat(v.asString()).contains("\n"));
  }

  @Test
  void builderPresetsLinksAndKeepsTheRestOpen() {
    Image image = TestImages.builder(TestImages.imageId("b"), TestImages.EPOCH).name("mine").build();
    assertThat(image.links()).isEqualTo(TestImages.imageLinks(TestImages.imageId("b")));
    assertThat(image.updated()).contains(TestImages.EPOCH);
    assertThat(image.metadata().isEmpty()).isTrue();
    assertThat(image.type()).isEmpty();
  }

  @Test
  void linksOfAnIdThatIsNoUuidArePercentEncoded() {
    List<Link> links = TestImages.imageLinks(io.github.rackimages.core.ImageId.of("my image/1"));
    assertThat(links.get(0).href().toString()).isEqualTo(TestImages.ENDPOINT + "/images/my%20image%2F1");
  }

  static List<Arguments> invalidArguments() {
    return List.of(
        Arguments.of("many(-1, 0)", (ThrowingCallable) () -> TestImages.many(-1, 0L), "-1"),
        Arguments.of("many(MAX + 1, 0)", (ThrowingCallable) () -> TestImages.many(TestImages.MAX_MANY + 1, 0L), "100001"),
        Arguments.of("base(-2)", (ThrowingCallable) () -> TestImages.base(-2), "-2"),
        Arguments.of("serverId(-3)", (ThrowingCallable) () -> TestImages.serverId(-3), "-3"),
        Arguments.of("snapshotOf(server, -4)", (ThrowingCallable) () -> TestImages.snapshotOf(TestImages.serverId(1), -4), "-4"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidArguments")
  void invalidNumberIsRefusedNamingIt(String call, ThrowingCallable callable, String value) {
    assertThatThrownBy(callable).as(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"snapshotOf", "serverReference", "serverUrl", "imageLinks", "imageId"})
  void nullArgumentIsRefused(String method) {
    ThrowingCallable call =
        switch (method) {
          case "snapshotOf" -> () -> TestImages.snapshotOf(null, 1);
          case "serverReference" -> () -> TestImages.serverReference(null);
          case "serverUrl" -> () -> TestImages.serverUrl(null);
          case "imageLinks" -> () -> TestImages.imageLinks(null);
          default -> () -> TestImages.imageId(null);
        };
    assertThatThrownBy(call).isInstanceOf(NullPointerException.class);
  }

  private static List<io.github.rackimages.core.ImageId> ids(List<Image> images) {
    return images.stream().map(Image::id).toList();
  }
}
