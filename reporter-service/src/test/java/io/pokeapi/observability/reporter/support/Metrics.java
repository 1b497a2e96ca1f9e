package io.pokeapi.observability.reporter.support;

import static io.restassured.RestAssured.given;

/** Reads the service's own Prometheus text. */
public final class Metrics {

  private Metrics() {}

  /**
   * The sum of the samples of {@code name} whose labels contain {@code label} (e.g. {@code
   * kind="http_5xx"}); every sample of the name when {@code label} is null; 0 when there is none.
   */
  public static double value(String name, String label) {
    String text = given().accept("text/plain").get("/q/metrics").asString();
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(name + "{") && (label == null || line.contains(label))) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }
}
