package io.pokeapi.observability.pokeapidouble.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A java.net.http client aimed at one double. */
public final class DoubleHttp {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String baseUrl;

  /** A client for the double at {@code baseUrl}. */
  public DoubleHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** GET {@code pathAndQuery} with headers {@code name1, value1, ...}. */
  public Reply get(String pathAndQuery, String... headers) {
    return send("GET", pathAndQuery, null, headers);
  }

  /** HEAD {@code pathAndQuery}. */
  public Reply head(String pathAndQuery, String... headers) {
    return send("HEAD", pathAndQuery, null, headers);
  }

  /** Any method, with an optional JSON body. */
  public Reply send(String method, String pathAndQuery, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<byte[]> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      Map<String, List<String>> lowerCased = new TreeMap<>();
      response
          .headers()
          .map()
          .forEach((name, values) -> lowerCased.put(name.toLowerCase(Locale.ROOT), values));
      return new Reply(response.statusCode(), lowerCased, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The underlying client, for tests that need exceptions as they are. */
  public static HttpClient client() {
    return CLIENT;
  }
}
