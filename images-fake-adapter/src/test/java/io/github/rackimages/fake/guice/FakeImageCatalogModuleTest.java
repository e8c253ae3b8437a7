package io.github.rackimages.fake.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.fake.FakeImages;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeImageCatalogModuleTest {

  private static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");

  /** What an application would inject: the port only. */
  static final class ImageLister {
    final ImageCatalog catalog;

    @Inject
    ImageLister(ImageCatalog catalog) {
      this.catalog = catalog;
    }

    int count() {
      return catalog.list(ImageFilter.all(), PageRequest.first()).size();
    }
  }

  @Test
  void bindsThePortAndTheCatalogToTheGivenInstance() {
    InMemoryImageCatalog fake = InMemoryImageCatalog.of(FakeImages.base("Debian 12 (Bookworm)").build());

    Injector injector = Guice.createInjector(FakeImageCatalogModule.of(fake));

    assertThat(injector.getInstance(ImageCatalog.class)).isSameAs(fake);
    assertThat(injector.getInstance(InMemoryImageCatalog.class)).isSameAs(fake);
    assertThat(injector.getInstance(ImageLister.class).count()).isEqualTo(1);
    assertThat(fake.callCount()).isEqualTo(1);
  }

  @Test
  void buildsOneCatalogPerInjectorFromAConfiguration() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    FakeImageCatalogModule module = FakeImageCatalogModule.of(FakeCatalogConfig.of(SampleCatalogs.rackspace())
        .withClock(clock));

    Injector one = Guice.createInjector(module);
    Injector two = Guice.createInjector(module);
    InMemoryImageCatalog catalog = one.getInstance(InMemoryImageCatalog.class);

    assertThat(one.getInstance(ImageCatalog.class)).isSameAs(catalog);
    assertThat(one.getInstance(InMemoryImageCatalog.class)).isSameAs(catalog);
    assertThat(two.getInstance(InMemoryImageCatalog.class)).isNotSameAs(catalog);
    assertThat(catalog.images()).containsExactlyElementsOf(SampleCatalogs.rackspace());
    assertThat(catalog.clock()).isSameAs(clock);
    assertThat(one.getInstance(ImageLister.class).count()).isEqualTo(55);
  }

  @Test
  void requiresNoOtherBindingAndComposesWithApplicationModules() {
    Injector injector =
        Guice.createInjector(
            FakeImageCatalogModule.of(FakeCatalogConfig.empty()),
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(ImageLister.class);
              }
            });

    assertThat(injector.getInstance(ImageLister.class).count()).isZero();
  }

  @Test
  void theConfigurationCopiesItsImagesAndRefusesDuplicates() {
    List<Image> images = new ArrayList<>(List.of(FakeImages.base("a").build()));
    FakeCatalogConfig config = FakeCatalogConfig.of(images);
    images.add(FakeImages.base("b").build());

    assertThat(config.images()).hasSize(1);
    assertThat(config.clock()).isEqualTo(Clock.systemUTC());
    assertThat(config).hasToString("FakeCatalogConfig[1 images, clock=" + Clock.systemUTC() + "]");
    Image dup = FakeImages.base("a").build();
    assertThatThrownBy(() -> FakeCatalogConfig.of(List.of(dup, dup)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(dup.id().value());
    assertThatThrownBy(() -> new FakeCatalogConfig(null, Clock.systemUTC())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new FakeCatalogConfig(List.of(), null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> FakeImageCatalogModule.of((FakeCatalogConfig) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> FakeImageCatalogModule.of((InMemoryImageCatalog) null))
        .isInstanceOf(NullPointerException.class);
  }
}
