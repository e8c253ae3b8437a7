package io.github.rackimages.cli;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageSummary;

/** Where a listing goes, image by image, in one of the output formats. */
interface ListingSink {

  /** One detailed image. */
  void image(Image image);

  /** One summary (id, name, links). */
  void summary(ImageSummary summary);

  /** A page has been delivered: write out what is buffered. */
  void endOfPage();

  /** The listing is complete. */
  void finish();

  /** The listing failed: write out what was delivered, without pretending it is complete. */
  void abandon();
}
