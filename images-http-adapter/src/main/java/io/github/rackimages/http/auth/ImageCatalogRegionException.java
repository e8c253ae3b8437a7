package io.github.rackimages.http.auth;

import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.core.ImageCatalogException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The region asked for (or the user's default region) is not among those whose {@code cloudServersOpenStack}
 * endpoint the identity service catalog offers, or no region was chosen and the catalog offers several: a mistake
 * in the configuration, not a fault of the service. It carries no HTTP status or request id (identity answered
 * 200; the answer was fine), is never retried, and {@link #offeredRegions()} lists what to choose from.
 *
 * <p>An {@link ImageCatalogException}, like every failure of a call, so that code handling a catalog's failures
 * sees it where it expects them; the command line reports it as a usage error.
 *
 * @since 1.0
 */
public class ImageCatalogRegionException extends ImageCatalogException {

  private static final long serialVersionUID = 1L;

  private final String requestedRegion;
  private final List<String> offeredRegions;

  /**
   * @param requestedRegion the region chosen or the user's default, or {@code null} when neither was known
   * @param offeredRegions the regions the catalog offers, in its order
   * @throws NullPointerException if {@code message} or {@code offeredRegions} is null
   */
  public ImageCatalogRegionException(String message, String requestedRegion, List<String> offeredRegions) {
    super(message, ErrorDetails.none(), null);
    this.requestedRegion = requestedRegion;
    this.offeredRegions = List.copyOf(Objects.requireNonNull(offeredRegions, "offeredRegions"));
  }

  /** A copy of {@code original} for another caller (see {@link ImageCatalogException#copy()}). */
  protected ImageCatalogRegionException(ImageCatalogRegionException original) {
    super(original);
    this.requestedRegion = original.requestedRegion;
    this.offeredRegions = original.offeredRegions;
  }

  /** The region that is not offered (chosen, or the user's default); empty when no region was known. */
  public Optional<String> requestedRegion() {
    return Optional.ofNullable(requestedRegion);
  }

  /** The regions whose {@code cloudServersOpenStack} endpoint the service catalog offers, in its order. */
  public List<String> offeredRegions() {
    return offeredRegions;
  }

  @Override
  public boolean isRetryable() {
    return false;
  }

  @Override
  public ImageCatalogRegionException copy() {
    return new ImageCatalogRegionException(this);
  }
}
