package io.pokeapi.observability.diff.ingest;

/**
 * One resource of an endpoint, by its identity (see {@link ResourceIdentity}).
 *
 * @param endpoint the endpoint
 * @param resourceId the body's {@code id}, or the resource key for bodies without one
 */
public record ResourceRef(String endpoint, String resourceId) implements Comparable<ResourceRef> {

  @Override
  public int compareTo(ResourceRef other) {
    int byEndpoint = endpoint.compareTo(other.endpoint);
    return byEndpoint != 0 ? byEndpoint : resourceId.compareTo(other.resourceId);
  }

  @Override
  public String toString() {
    return endpoint + "/" + resourceId;
  }
}
