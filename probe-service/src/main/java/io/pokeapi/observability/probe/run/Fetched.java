package io.pokeapi.observability.probe.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.probe.client.ApiExchange;
import io.pokeapi.observability.probe.client.ApiRequest;
import io.pokeapi.observability.probe.client.HttpAnswer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An exchange as a suite sees it: the client's exchange plus its body parsed as JSON, when the
 * final answer was a 200 whose body parsed.
 *
 * @param exchange what the client did
 * @param body the body as JSON (parsed, or parsed on first use), or {@code null} when the final
 *     answer was not a 200 whose body parsed
 * @param parseError why the body of a 200 answer did not parse, or {@code null}
 * @param tooLarge why the body of a 200 answer is too large to pass on (over {@code
 *     probe.pokeapi.max-body-bytes}, or its capture over a Kafka record), or {@code null}; such a
 *     body is not parsed and is published without its body
 * @param published completes when the broker acknowledged every capture of the exchange,
 *     exceptionally when one could not be published
 */
public record Fetched(
    ApiExchange exchange,
    JsonBody body,
    String parseError,
    String tooLarge,
    CompletableFuture<Void> published) {

  /** The parsed body, or {@code null} (see {@link #body()}). */
  public JsonNode json() {
    return body == null ? null : body.tree();
  }

  /** Whether the final answer is a 200 whose body is JSON (without parsing a deferred body). */
  public boolean isJson() {
    return body != null;
  }

  public ApiRequest request() {
    return exchange.request();
  }

  public Optional<HttpAnswer> answer() {
    return exchange.answer();
  }

  /** The final HTTP status on the wire, or 0. */
  public int status() {
    return exchange.lastAttempt().map(a -> a.wireStatus()).orElse(0);
  }

  /** The URL requested (secrets masked). */
  public String url() {
    return exchange.url();
  }

  /** The endpoint label of the request. */
  public String endpoint() {
    return exchange.request().endpointLabel();
  }
}
