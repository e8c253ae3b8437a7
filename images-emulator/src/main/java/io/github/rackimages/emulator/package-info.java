/**
 * The Rackspace-compatible emulator: {@link io.github.rackimages.emulator.ImageEmulator} and its builder. Every
 * other type of this package is an implementation detail.
 *
 * <p><b>What the emulator answers.</b>
 *
 * <ul>
 *   <li>{@code POST /v2.0/tokens} with {@code RAX-KSKEY:apiKeyCredentials} or {@code passwordCredentials}: a random
 *       token valid for the token lifetime, and a service catalog whose {@code cloudServersOpenStack} endpoints
 *       (DFW, ORD, IAD, LON, SYD, HKG) all point at {@link ImageEmulator#computeEndpoint()}; it also lists a legacy
 *       {@code cloudServers} v1.0 compute service (first) and a {@code cloudFiles} service, so that a client must
 *       choose by name. Both credential kinds at once, or a malformed body: 400; wrong credentials: 401.
 *   <li>Under {@code /v2/}: a request without a valid, unexpired {@code X-Auth-Token}, or for another tenant, gets
 *       401 {@code unauthorized} with {@code WWW-Authenticate: Keystone uri=<identity URL>}. Then the fault
 *       switches apply. Then {@code GET images}, {@code images/detail} and {@code images/{id}} (each also with a
 *       {@code .json} suffix) are served from the catalog, and the image's version-less bookmark
 *       {@code /{tenant}/images/{id}} as the image. Other methods and paths answer as Nova 2014.1's router does
 *       ({@code NovaRouter}): {@code POST images} 405 {@code badMethod} (after its body is checked),
 *       {@code DELETE images/{id}} 404 {@code Image not found.} or, the catalog being read-only, 403; a route Nova
 *       has without a controller action ({@code GET images/new}, {@code GET images/{id}/edit}, {@code PUT
 *       images/{id}}) 404 {@code itemNotFound}; anything else, {@code HEAD} included, WebOb's bare text 404 with no
 *       request id.
 *   <li>Links: every {@code self}, {@code bookmark} and {@code alternate} link of an image, every {@code server}
 *       link and every {@code next} link is built from the request's scheme and {@code Host} and the tenant, as Nova
 *       builds them, whatever links the catalog's images carry ({@code NovaLinks}).
 *   <li>Queries are read as Nova reads them: form-decoded ({@code +} is a space, {@code %2B} a plus), the last of
 *       repeated parameters wins, unknown ones are ignored (but kept in the {@code next} link). Filters
 *       {@code name}, {@code status}, {@code type} (both in any case), {@code server}, {@code changes-since},
 *       {@code minDisk}, {@code minRam}; paging {@code limit} and {@code marker}. Invalid values get Nova's 400
 *       messages ({@code limit param must be an integer}, {@code limit param must be positive},
 *       {@code Unrecognized changes-since value}, ...); {@code changes-since} is read as pyiso8601 0.1.10
 *       reads it ({@code Iso8601}).
 *   <li>Pages: {@code limit} absent or 0 means the largest page ({@link ImageEmulator.Builder#maxLimit(int)},
 *       1000 by default), a larger limit is capped to it, and {@code images_links} has a {@code next} link exactly
 *       when the page is full (Nova's Juno+ rule), so that a walk without {@code limit} still pages. The link is
 *       absolute, points at the same collection ({@code /images/detail} for the detail list) and carries every
 *       original parameter plus {@code marker} (the last id), sorted by name and percent-encoded.
 *   <li>A failure of the catalog becomes the fault the service would send: {@code ImageCatalogBadRequestException}
 *       400, throttling 413 (or 429) with {@code Retry-After}, unavailable 503, and so on; an unexpected exception
 *       500 {@code computeFault} with Nova's generic message, never a stack trace.
 *   <li>Every answer has {@code Content-Type: application/json} ({@code application/json; charset=UTF-8} for
 *       faults), {@code Content-Length} and {@code X-Compute-Request-Id: req-<uuid>}.
 * </ul>
 *
 * <p>Requests are logged at {@code DEBUG} (method, path and query, status, request id; never a header, so never a
 * token) on the {@link System.Logger} {@value io.github.rackimages.emulator.ImageEmulator#LOGGER_NAME}; unexpected
 * failures at {@code WARNING}.
 *
 * <p><b>Non-null by default.</b> No public method accepts or returns {@code null}.
 */
package io.github.rackimages.emulator;
