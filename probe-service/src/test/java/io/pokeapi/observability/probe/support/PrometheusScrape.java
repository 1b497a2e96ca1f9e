package io.pokeapi.observability.probe.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's {@code /q/metrics} in the Prometheus text format, parsed into samples. */
public final class PrometheusScrape {

  /** One sample: metric name, labels, value. */
  public record Sample(String name, Map<String, String> labels, double value) {
    public String label(String name) {
      return labels.get(name);
    }
  }

  private static final Pattern LINE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final List<Sample> samples;

  private PrometheusScrape(List<Sample> samples) {
    this.samples = samples;
  }

  /** Scrapes the running test application. */
  public static PrometheusScrape now() {
    String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line.trim());
      if (!m.matches()) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
      }
      samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
    }
    return new PrometheusScrape(samples);
  }

  /** Every sample of {@code name}. */
  public List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** Every sample whose name starts with {@code prefix}. */
  public List<Sample> samplesStartingWith(String prefix) {
    return samples.stream().filter(s -> s.name().startsWith(prefix)).toList();
  }

  /** The sum of the samples of {@code name} carrying all of {@code labels} (0 when none). */
  public double value(String name, Map<String, String> labels) {
    return samples(name).stream()
        .filter(
            s -> labels.entrySet().stream().allMatch(e -> e.getValue().equals(s.label(e.getKey()))))
        .mapToDouble(Sample::value)
        .sum();
  }
}
