package io.github.rackimages.tck;

import static io.github.rackimages.tck.ContractImages.DEBIAN;
import static io.github.rackimages.tck.ContractImages.UBUNTU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageRequest;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Null arguments are refused with {@link NullPointerException} before any service call, for every port method.
 * Runs as {@code ImageCatalogContract.ArgumentValidation}.
 */
abstract class ArgumentValidationContract extends ContractTopic {

  ArgumentValidationContract(ImageCatalogContract suite) {
    super(suite);
  }

  /** A null filter, page request or id raises NullPointerException and makes no service call. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("io.github.rackimages.tck.ArgumentValidationContract#nullArguments")
  void nullArgumentIsRefusedBeforeAnyCall(String call, Consumer<ImageCatalog> operation) {
    ImageCatalog catalog = catalogOf(List.of(UBUNTU, DEBIAN));
    long before = serviceCalls();
    Throwable thrown = catchThrowable(() -> operation.accept(catalog));
    assertThat(thrown).as(call).isInstanceOf(NullPointerException.class);
    if (before >= 0) {
      assertThat(serviceCalls()).as("service calls made by %s", call).isEqualTo(before);
    }
  }

  /** Every port method with one null argument. */
  static Stream<Arguments> nullArguments() {
    PageRequest page = PageRequest.first(10);
    ImageFilter all = ImageFilter.all();
    return Stream.of(
        nullCase("list(null, page)", c -> c.list(null, page)),
        nullCase("list(filter, null)", c -> c.list(all, null)),
        nullCase("listSummaries(null, page)", c -> c.listSummaries(null, page)),
        nullCase("listSummaries(filter, null)", c -> c.listSummaries(all, null)),
        nullCase("find(null)", c -> c.find(null)),
        nullCase("stream(null)", c -> c.stream(null)),
        nullCase("stream(null, page)", c -> c.stream(null, page)),
        nullCase("stream(filter, null)", c -> c.stream(all, null)),
        nullCase("streamSummaries(null)", c -> c.streamSummaries(null)),
        nullCase("streamSummaries(null, page)", c -> c.streamSummaries(null, page)),
        nullCase("streamSummaries(filter, null)", c -> c.streamSummaries(all, null)));
  }

  private static Arguments nullCase(String call, Consumer<ImageCatalog> operation) {
    return Arguments.of(call, operation);
  }
}
