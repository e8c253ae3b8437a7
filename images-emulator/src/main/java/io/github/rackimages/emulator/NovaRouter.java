package io.github.rackimages.emulator;

/**
 * Nova 2014.1's routes for images under {@code /v2/{tenant}}, as {@code APIRouter._setup_routes} declares them
 * ({@code mapper.resource("image", "images", ..., collection={'detail': 'GET'})}) and Routes' {@code Mapper.resource}
 * expands them, each route with one method and a {@code .json} variant: {@code GET /images} index,
 * {@code POST /images} create, {@code GET /images/detail} detail, {@code GET /images/new} new,
 * {@code GET /images/{id}} show, {@code PUT /images/{id}} update, {@code DELETE /images/{id}} delete,
 * {@code GET /images/{id}/edit} edit (collection routes are tried before member routes). The images controller has
 * {@code index}, {@code detail}, {@code show}, {@code delete} and a {@code create} that raises 405; a matched route
 * whose action it lacks is a 404 fault ({@code wsgi.Resource._process_stack}), and a request no route matches is
 * WebOb's bare 404 ({@code wsgi.Router._dispatch}). There is no implicit {@code HEAD}.
 */
final class NovaRouter {

  /** What a request is dispatched to. */
  enum Action {
    INDEX,
    DETAIL,
    SHOW,
    DELETE,
    CREATE,
    /** A route matched, but the controller has no such action: a 404 Nova fault. */
    NO_ACTION,
    /** No route matched: WebOb's bare 404, before Nova's fault layer. */
    NO_ROUTE
  }

  /**
   * The action for this method and these decoded path segments after {@code /v2/} (the first is the tenant).
   *
   * @return the action; for {@link Action#SHOW} and {@link Action#DELETE} the id is {@link #id(String[])}
   */
  static Action route(String method, String[] segments) {
    if (segments.length < 2 || !stripFormat(segments[1]).equals("images") || segments[1].isEmpty()) {
      return Action.NO_ROUTE;
    }
    if (segments.length == 2) {
      return switch (method) {
        case "GET" -> Action.INDEX;
        case "POST" -> Action.CREATE;
        default -> Action.NO_ROUTE;
      };
    }
    if (!segments[1].equals("images")) {
      return Action.NO_ROUTE; // "images.json/..." is no route.
    }
    String third = stripFormat(segments[2]);
    if (segments.length == 3 && !third.isEmpty()) {
      if (method.equals("GET") && third.equals("detail")) {
        return Action.DETAIL;
      }
      if (method.equals("GET") && third.equals("new")) {
        return Action.NO_ACTION;
      }
      return switch (method) {
        case "GET" -> Action.SHOW;
        case "DELETE" -> Action.DELETE;
        case "PUT" -> Action.NO_ACTION;
        default -> Action.NO_ROUTE;
      };
    }
    if (segments.length == 4 && !segments[2].isEmpty() && stripFormat(segments[3]).equals("edit")) {
      return method.equals("GET") ? Action.NO_ACTION : Action.NO_ROUTE;
    }
    return Action.NO_ROUTE;
  }

  /** The image id of a member route. */
  static String id(String[] segments) {
    return stripFormat(segments[2]);
  }

  /** The segment without the {@code .json} format suffix Routes allows on every route. */
  private static String stripFormat(String segment) {
    return segment.endsWith(".json") ? segment.substring(0, segment.length() - ".json".length()) : segment;
  }

  private NovaRouter() {}
}
