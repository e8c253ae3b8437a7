package io.github.rackimages.nova.json;

import jakarta.json.stream.JsonGenerator;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes an identity {@code access} document in Rackspace Identity v2.0's shape and key order. */
final class IdentityWriter {

  /** Identity writes expiries with milliseconds, always ({@code 2014-11-24T22:05:39.115Z}). */
  private static final DateTimeFormatter EXPIRES =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private IdentityWriter() {}

  static void write(JsonGenerator g, IdentityDocument d) {
    g.writeStartObject();
    g.writeStartObject("access");

    g.writeStartObject("token");
    g.write("id", d.tokenId());
    g.write("expires", EXPIRES.format(d.expires()));
    if (d.tenantId().isPresent() || d.tenantName().isPresent()) {
      g.writeStartObject("tenant");
      d.tenantId().ifPresent(id -> g.write("id", id));
      d.tenantName().ifPresent(name -> g.write("name", name));
      g.writeEnd();
    }
    if (!d.authenticatedBy().isEmpty()) {
      g.writeStartArray("RAX-AUTH:authenticatedBy");
      d.authenticatedBy().forEach(g::write);
      g.writeEnd();
    }
    g.writeEnd();

    d.serviceCatalog().ifPresent(services -> writeCatalog(g, services));
    d.user().ifPresent(user -> writeUser(g, user));

    g.writeEnd();
    g.writeEnd();
  }

  private static void writeCatalog(JsonGenerator g, List<CatalogService> services) {
    g.writeStartArray("serviceCatalog");
    for (CatalogService service : services) {
      g.writeStartObject();
      service.name().ifPresent(name -> g.write("name", name));
      service.type().ifPresent(type -> g.write("type", type));
      g.writeStartArray("endpoints");
      for (CatalogEndpoint endpoint : service.endpoints()) {
        g.writeStartObject();
        endpoint.members().forEach(g::write);
        g.writeEnd();
      }
      g.writeEnd();
      g.writeEnd();
    }
    g.writeEnd();
  }

  private static void writeUser(JsonGenerator g, IdentityUser user) {
    g.writeStartObject("user");
    user.id().ifPresent(id -> g.write("id", id));
    user.name().ifPresent(name -> g.write("name", name));
    user.defaultRegion().ifPresent(region -> g.write("RAX-AUTH:defaultRegion", region));
    user.domainId().ifPresent(domain -> g.write("RAX-AUTH:domainId", domain));
    g.writeStartArray("roles");
    for (IdentityUser.Role role : user.roles()) {
      g.writeStartObject();
      g.write("id", role.id());
      g.write("name", role.name());
      role.tenantId().ifPresent(tenant -> g.write("tenantId", tenant));
      g.writeEnd();
    }
    g.writeEnd();
    g.writeEnd();
  }
}
