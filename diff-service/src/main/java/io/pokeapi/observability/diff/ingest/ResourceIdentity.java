package io.pokeapi.observability.diff.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which resource a document belongs to. PokéAPI resources carry their {@code id} in the body, so
 * the answers for {@code pokemon/25}, {@code pokemon/pikachu} and {@code pokemon/pikachu/} are one
 * resource; documents without an {@code id} (for example {@code pokemon/1/encounters}) are
 * identified by their resource key.
 *
 * @param endpoint the endpoint
 * @param resourceId the body's {@code id} as text, or the resource key
 * @param idFromBody whether {@code resourceId} came from the body
 * @param name the body's {@code name}, or {@code null}
 */
public record ResourceIdentity(
    String endpoint, String resourceId, boolean idFromBody, String name) {

  /** The identity of {@code document}, answered for {@code resourceKey} of {@code endpoint}. */
  public static ResourceIdentity of(String endpoint, String resourceKey, JsonNode document) {
    JsonNode id = document.isObject() ? document.get("id") : null;
    JsonNode name = document.isObject() ? document.get("name") : null;
    String nameText = name != null && name.isTextual() ? name.asText() : null;
    if (id != null && (id.isIntegralNumber() || (id.isTextual() && !id.asText().isBlank()))) {
      return new ResourceIdentity(endpoint, id.asText(), true, nameText);
    }
    return new ResourceIdentity(endpoint, resourceKey, false, nameText);
  }

  /** The key of this resource, {@code <endpoint>/<resource id>}, for maps and locks. */
  public ResourceRef ref() {
    return new ResourceRef(endpoint, resourceId);
  }
}
