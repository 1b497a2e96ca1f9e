package io.pokeapi.observability.probe.client;

import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The PokéAPI as the Quarkus REST client sees it: one GET of any path under the base URL. Built
 * programmatically by {@link PokeApiRestClientProducer} so that the base URL and timeouts come from
 * {@code probe.pokeapi.*}. Every status comes back as a {@link Response} (the default exception
 * mapper is off): classifying answers is the probe's job.
 */
public interface PokeApiRestClient {

  /**
   * GETs {@code path} (already percent-encoded, slashes kept) relative to the base URL.
   *
   * @param ifNoneMatch the ETag last seen for this URL, or {@code null}
   */
  @GET
  @Path("{path}")
  Response get(
      @PathParam("path") @Encoded String path,
      @RestQuery Map<String, String> query,
      @HeaderParam("If-None-Match") String ifNoneMatch,
      @HeaderParam("User-Agent") String userAgent);
}
