/**
 * The service's wire format, both ways: {@link io.github.rackimages.nova.json.NovaJson} reads image lists, images,
 * summaries, faults and identity documents into the core's domain types and writes them in the service's shape. Shared by
 * the HTTP adapter (which reads) and the emulator (which writes); applications use the port, not this module.
 */
module io.github.rackimages.nova.json {
  requires transitive io.github.rackimages.core;
  requires transitive jakarta.json;
  requires jakarta.json.bind;

  exports io.github.rackimages.nova.json;
  opens io.github.rackimages.nova.json to org.eclipse.yasson;
}
