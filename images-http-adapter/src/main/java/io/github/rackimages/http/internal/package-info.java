/**
 * How {@link io.github.rackimages.http.HttpImageCatalog} works inside: the request executor (auth, retries,
 * error mapping, capped stream reading), percent-encoding, next-link trust and redaction. Not exported: nothing
 * here is API.
 */
package io.github.rackimages.http.internal;
