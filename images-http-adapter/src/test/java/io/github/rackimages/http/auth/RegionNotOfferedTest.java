package io.github.rackimages.http.auth;

import static io.github.rackimages.http.auth.Access.body;
import static io.github.rackimages.http.auth.Access.catalog;
import static io.github.rackimages.http.auth.Access.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.auth.IdentityServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A region the service catalog does not offer is the caller's configuration, not the service's fault: the catalog
 * fails before any compute request with an {@link ImageCatalogRegionException} that lists the regions offered.
 */
class RegionNotOfferedTest {

  private IdentityServer server;

  @BeforeEach
  void start() {
    server = IdentityServer.start();
    server.always(Reply.json(200, body("tok-secret-1", "2999-01-01T00:00:00Z", "DFW",
        catalog(service("cloudServersOpenStack", "compute", "DFW", "https://dfw.example.test/v2/1",
            "ORD", "https://ord.example.test/v2/1", "IAD", "https://iad.example.test/v2/1")))));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aCatalogAskedForSydneyFailsWithTheRegionsOfferedAndNoStatus() {
    HttpImageCatalog catalog = HttpImageCatalog.builder()
        .identityUrl(server.identityUrl())
        .httpClient(IdentityServer.CLIENT)
        .credentials(Credentials.apiKey("jdoe", "key-secret-1"))
        .region("SYD")
        .build();

    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.first(10)))
        .isInstanceOf(ImageCatalogException.class)
        .isExactlyInstanceOf(ImageCatalogRegionException.class)
        .hasMessage("region 'SYD' is not offered by cloudServersOpenStack; regions offered: DFW, ORD, IAD")
        .satisfies(e -> {
          ImageCatalogRegionException r = (ImageCatalogRegionException) e;
          assertThat(r.statusCode()).isEmpty();
          assertThat(r.offeredRegions()).containsExactly("DFW", "ORD", "IAD");
        });
  }
}
