package io.pokeapi.observability.pokeapidouble.server;

import static io.pokeapi.observability.pokeapidouble.server.HeaderValues.*;

import io.pokeapi.observability.pokeapidouble.DoubleConfig;
import io.pokeapi.observability.pokeapidouble.data.DataSet;
import io.pokeapi.observability.pokeapidouble.data.EndpointData;
import io.pokeapi.observability.pokeapidouble.metrics.DoubleMetrics;
import io.pokeapi.observability.pokeapidouble.metrics.EndpointMeters;
import io.pokeapi.observability.pokeapidouble.render.RenderCache;
import io.vertx.core.http.HttpHeaders;

/**
 * What serves one loaded data set: the data, its render caches, the meters of its endpoints by
 * ordinal and the success headers carrying its {@code meta} values. A reload swaps the whole
 * generation, so a request sees one consistent set.
 */
final class Generation {

  private final DataSet data;
  private final RenderCache renders;
  private final EndpointMeters[] meters;
  private final HeaderList success;
  private final HeaderList notModified;

  Generation(DataSet data, DoubleConfig config, DoubleMetrics metrics) {
    this.data = data;
    this.renders = new RenderCache(data, config.maxBaseUrls(), config.renderCacheBytes());
    this.meters =
        data.endpoints().stream()
            .map(e -> metrics.endpoint(e.name()))
            .toArray(EndpointMeters[]::new);
    CharSequence hash = data.hash() == null ? null : HttpHeaders.createOptimized(data.hash());
    CharSequence deployDate =
        data.deployDate() == null ? null : HttpHeaders.createOptimized(data.deployDate());
    CharSequence[] common = {
      CACHE_CONTROL,
      CACHE_SUCCESS,
      X_POKEAPI_HASH,
      hash,
      X_POKEAPI_DEPLOY_DATE,
      deployDate,
      ALLOW_ORIGIN,
      ANY_ORIGIN,
      EXPOSE_HEADERS,
      EXPOSED,
      VARY,
      ACCEPT_ENCODING_VALUE
    };
    this.notModified = HeaderList.of(common);
    this.success = HeaderList.of(CONTENT_TYPE, JSON).plus(common);
  }

  DataSet data() {
    return data;
  }

  RenderCache renders() {
    return renders;
  }

  EndpointMeters meters(EndpointData endpoint) {
    return meters[endpoint.ordinal()];
  }

  /** The headers of a 200 JSON answer. */
  HeaderList success() {
    return success;
  }

  /** The headers of a 304 answer (no Content-Type, as Express strips it). */
  HeaderList notModified() {
    return notModified;
  }
}
