package io.github.rackimages.http;

import static io.github.rackimages.http.CannedServer.TENANT_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.DiskConfig;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.CannedServer.CannedResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reads a full account shaped like the real DFW capture of March 2015, in one page and in a walk of pages. */
class HttpImageCatalogDfw2015Test extends CatalogTestSupport {

  private final Dfw2015Catalog dfw = new Dfw2015Catalog();

  @Test
  void aWholeDetailListReadsIntoCompleteImages() {
    server.enqueue(
        CannedResponse.status(200)
            .body("application/json", dfw.detailBody())
            .header("X-Compute-Request-Id", "req-3b2a8f0e-5d8c-4f6e-9b1a-2c7d9e0f1a2b")
            .header("Via", "1.1 Repose (Repose/6.2.1.2)"));

    Page<Image> page = catalog().list(ImageFilter.all(), PageRequest.first(1000));

    // Image.equals compares every field: ids, names, times, sizes, disk config, server, links and metadata.
    assertThat(page.items()).containsExactlyElementsOf(dfw.images());
    assertThat(page.hasNext()).isFalse();
    assertThat(page.items()).hasSize(59);
    assertThat(page.items()).filteredOn(i -> i.server().isPresent()).hasSize(10);
    assertThat(page.items())
        .filteredOn(i -> i.server().isPresent())
        .allSatisfy(
            i -> {
              assertThat(i.type()).contains(ImageType.SNAPSHOT);
              assertThat(i.server().orElseThrow().id().value()).isEqualTo(i.metadata().getString("instance_uuid").orElseThrow());
              assertThat(i.server().orElseThrow().links()).extracting(l -> l.rel()).containsExactly("self", "bookmark");
            });
    assertThat(page.items().stream().collect(Collectors.groupingBy(i -> i.diskConfig().orElseThrow(), Collectors.counting())))
        .containsEntry(DiskConfig.AUTO, 9L)
        .containsEntry(DiskConfig.MANUAL, 50L);
    assertThat(page.items()).filteredOn(i -> i.size().orElseThrow() > 4_294_967_296L).hasSizeGreaterThanOrEqualTo(5);
    assertThat(page.items()).allSatisfy(i -> assertThat(i.metadata().size()).isBetween(20, 32));
    assertThat(page.items()).allSatisfy(i -> assertThat(i.metadata().values().values()).allMatch(v -> v.isText()));
    assertThat(page.items()).allSatisfy(i -> assertThat(i.otherFields()).isEmpty());
    assertThat(page.items())
        .allSatisfy(i -> assertThat(i.links()).extracting(l -> l.rel()).containsExactly("self", "bookmark", "alternate"));
    assertThat(page.items()).isSortedAccordingTo(Image.serviceOrder());

    Image largest = page.items().stream().max((a, b) -> Long.compare(a.size().orElseThrow(), b.size().orElseThrow())).orElseThrow();
    assertThat(largest.size()).hasValue(17_687_633_829L - 3 * 104_729L);
  }

  @Test
  void aWalkOverPagesOfTheSameAccountYieldsEveryImageOnce() {
    List<Image> all = dfw.images();
    String detail = server.url(TENANT_PATH + "/images/detail");
    server.enqueue(
        CannedResponse.json(200, dfw.page(0, 25, detail + "?limit=25&marker=" + all.get(24).id())),
        CannedResponse.json(200, dfw.page(25, 50, detail + "?limit=25&marker=" + all.get(49).id())),
        CannedResponse.json(200, dfw.page(50, 59, null)));

    List<Image> walked = catalog().stream(ImageFilter.all(), PageRequest.first(25)).toList();

    assertThat(walked).containsExactlyElementsOf(all);
    assertThat(server.drainRequests())
        .extracting(CannedServer.RecordedRequest::rawQuery)
        .containsExactly("limit=25", "limit=25&marker=" + all.get(24).id(), "limit=25&marker=" + all.get(49).id());
  }
}
