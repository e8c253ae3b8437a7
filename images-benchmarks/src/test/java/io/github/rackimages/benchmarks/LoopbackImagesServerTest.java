package io.github.rackimages.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.Image;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackImagesServerTest {

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void servesEveryPreRenderedPageToTheBaselineClient(boolean offHeap) {
    List<Image> images = ServiceImages.listed(250);
    try (LoopbackImagesServer server = LoopbackImagesServer.preRendered(images, 100, offHeap)) {
      List<String> lastIds = new ArrayList<>();

      BaselineClient.Walk walk =
          new BaselineClient(server.endpoint(), LoopbackImagesServer.TOKEN, 100).walk(page -> lastIds.add(page.lastId()));

      assertThat(walk.images()).isEqualTo(250);
      assertThat(walk.pages()).isEqualTo(3).isEqualTo(server.pageCount());
      assertThat(lastIds)
          .containsExactly(images.get(99).id().value(), images.get(199).id().value(), images.get(249).id().value());
      assertThat(server.pagesServed()).isEqualTo(3);
      assertThat(server.pageBytes()).isGreaterThan(250L * 1500);
    }
  }

  @Test
  void endsAListOfWholePagesWithAnEmptyPageAsTheServiceDoes() {
    try (LoopbackImagesServer server = LoopbackImagesServer.preRendered(ServiceImages.listed(200), 100, false)) {
      BaselineClient.Walk walk = new BaselineClient(server.endpoint(), LoopbackImagesServer.TOKEN, 100).walk();

      assertThat(walk.images()).isEqualTo(200);
      assertThat(walk.pages()).isEqualTo(3);
    }
  }

  @Test
  void refusesAClientWithoutTheToken() {
    try (LoopbackImagesServer server = LoopbackImagesServer.preRendered(ServiceImages.listed(10), 10, false)) {
      assertThatThrownBy(() -> new BaselineClient(server.endpoint(), "another-token", 10).walk())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("401");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"?limit=10&marker=nope", "?limit=10&name=x", "?limit=ten", "?limit=5"})
  void answersUnknownMarkersAndOtherQueriesWithABadRequest(String query) throws Exception {
    try (LoopbackImagesServer server = LoopbackImagesServer.preRendered(ServiceImages.listed(10), 10, false)) {
      HttpResponse<String> response = get(URI.create(server.endpoint() + "/images/detail" + query));

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).startsWith("{\"badRequest\": {\"code\": 400");
      assertThat(response.headers().firstValue("X-Compute-Request-Id")).get().asString().startsWith("req-");
    }
  }

  @Test
  void knowsOnlyTheDetailList() throws Exception {
    try (LoopbackImagesServer server = LoopbackImagesServer.preRendered(ServiceImages.listed(10), 10, false)) {
      assertThat(get(URI.create(server.endpoint() + "/images")).statusCode()).isEqualTo(404);
    }
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri).header("X-Auth-Token", LoopbackImagesServer.TOKEN).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
