package io.pokeapi.observability.probe.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.probe.support.PokeApiDoubleResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * About 1,000 generated bad requests per operation of the probe's REST API (issue 9, item 5), from
 * a fixed seed so that a failure replays: each gets a 4xx (never a 5xx, never an empty answer) with
 * {@code application/problem+json} whose {@code status} matches, a 400 names the field at fault in
 * {@code errors}, no detail names a Java type, and no bad {@code POST} starts a run. Requests are
 * written on raw sockets, so that invalid request lines (bad percent-encoding, NUL bytes, 9,000
 * character URIs) reach the server as a hostile client would send them.
 *
 * <p>A request target that is not well-formed RFC 3986 (a {@code %} without two hex digits, a raw
 * {@code ^} or {@code <}) gets a 400 with problem details too: {@code ProbeMain} turns Quarkus's
 * own URI check (a bare 400) off, so that the request-line check answers them (the test JVM gets
 * the same system property from the pom).
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PokeApiDoubleResource.class)
class BadRequestFuzzTest {

  private static final int PER_OPERATION = 1000;
  private static final long SEED = 20261201L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] JAVA_TYPES = {"java.", "jakarta.", "io.pokeapi", "com.fasterxml"};

  private record Answer(int status, String contentType, String body) {}

  /** Sends one raw HTTP/1.1 request and reads the whole answer (the connection is closed). */
  private static Answer send(String method, String target, String contentType, byte[] body)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      socket.setSoTimeout(30_000);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.write(
          (method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        request.write(
            ("Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
      }
      request.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        request.write(body);
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.toByteArray());
      out.flush();
      InputStream in = socket.getInputStream();
      String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int headEnd = raw.indexOf("\r\n\r\n");
      String head = headEnd < 0 ? raw : raw.substring(0, headEnd);
      String rest = headEnd < 0 ? "" : raw.substring(headEnd + 4);
      String[] lines = head.split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      String type = null;
      boolean chunked = false;
      for (String line : lines) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-type:")) {
          type = line.substring(13).trim();
        }
        if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      return new Answer(status, type, chunked ? dechunk(rest) : rest);
    }
  }

  private static String dechunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int eol = chunked.indexOf("\r\n", at);
      if (eol < 0) {
        break;
      }
      int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      body.append(chunked, eol + 2, eol + 2 + size);
      at = eol + 2 + size + 2;
    }
    return body.toString();
  }

  private static int knownRuns() throws IOException {
    Answer answer = send("GET", "/api/runs?limit=500", null, null);
    assertThat(answer.status()).isEqualTo(200);
    return JSON.readTree(answer.body()).size();
  }

  // --- generators of bad values --------------------------------------------------------------

  private static final String[] ODD = {
    "",
    " ",
    "%",
    "%0",
    "%zz",
    "%00",
    "%ff",
    "%C0%AF",
    "\u0000",
    "\t",
    "..",
    "../..",
    "/",
    "%2F",
    "-1",
    "0",
    "1e3",
    "NaN",
    "Infinity",
    "0x10",
    "１２",
    "null",
    "true",
    "[]",
    "{}",
    "' OR 1=1 --",
    "<script>",
    "%E2%80%AE",
    "\u202e",
    "é",
    "😀",
    "9999999999999999999999"
  };

  private static String randomText(Random random, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(10);
      if (pick < 5) {
        text.append((char) ('a' + random.nextInt(26)));
      } else if (pick < 7) {
        text.append(ODD[random.nextInt(ODD.length)]);
      } else if (pick < 9) {
        text.append((char) (0x20 + random.nextInt(0x5f)));
      } else {
        text.appendCodePoint(random.nextInt(0x2FFF) + 1);
      }
    }
    return text.toString();
  }

  /** Percent-encodes what a request line cannot carry, keeping any deliberate bad escapes. */
  private static String intoTarget(String text, Random random) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > 0x20 && c < 0x7f && c != '#' && c != '?' && c != '&' && c != '/' && c != '+') {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    if (random.nextInt(8) == 0) {
      out.append(random.nextBoolean() ? "%" : "%g1");
    }
    return out.toString();
  }

  /** A run id that is not one: a valid UUID is left out (it is a 404 for an unknown run). */
  private static String badId(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> intoTarget(randomText(random, 40), random) + "x";
      case 1 -> "12345678-1234-1234-1234-12345678901" + (char) ('g' + random.nextInt(10));
      case 2 -> "1".repeat(1 + random.nextInt(40));
      case 3 -> "%" + Integer.toHexString(random.nextInt(16)) + "z";
      case 4 -> "x".repeat(9000);
      default -> intoTarget(ODD[random.nextInt(ODD.length)], random) + "~";
    };
  }

  private static String badLimit(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> intoTarget(randomText(random, 12), random) + "x";
      case 1 -> Integer.toString(-random.nextInt(1000));
      case 2 -> Long.toString(501 + (long) random.nextInt(Integer.MAX_VALUE));
      case 3 -> random.nextInt(500) + "." + random.nextInt(10);
      case 4 -> "%" + random.nextInt(10);
      default -> intoTarget(ODD[random.nextInt(ODD.length)], random) + "z";
    };
  }

  private static String validBody() {
    return "{\"suite\":\"smoke\",\"resources\":[\"berry/1\"]}";
  }

  /** A POST body that must not start a run, with the field it is wrong about. */
  private record BadBody(String contentType, byte[] body, String field) {}

  private static BadBody badBody(Random random) {
    String json = "application/json";
    String value = JSON.valueToTree(randomText(random, 20)).toString();
    return switch (random.nextInt(14)) {
      case 0 -> new BadBody(json, bytes(validBody() + randomText(random, 10) + "x"), "body");
      case 1 -> new BadBody(json, bytes("{\"suite\":\"smoke\",\"suite\":\"sweep\"}"), "suite");
      case 2 ->
          new BadBody(
              json,
              bytes(
                  "{\"suite\":"
                      + List.of("1", "true", "[]", "{}", "null", "1.5").get(random.nextInt(6))
                      + "}"),
              "suite");
      case 3 -> new BadBody(json, bytes("{\"suite\":" + value + "}"), "suite");
      case 4 ->
          new BadBody(
              json, bytes("{\"suite\":\"smoke\",\"endpoints\":[" + value + "]}"), "endpoints[0]");
      case 5 ->
          new BadBody(
              json,
              bytes("{\"suite\":\"smoke\",\"resources\":[\"berry/1\"," + value + "]}"),
              "resources[1]");
      case 6 ->
          new BadBody(
              json,
              bytes(
                  "{\"suite\":\"smoke\",\"reruns\":"
                      + List.of("-1", "11", "\"2\"", "2.5", "true", "[]", "99999999999")
                          .get(random.nextInt(7))
                      + "}"),
              "reruns");
      case 7 ->
          new BadBody(
              json, bytes("{\"suite\":\"smoke\",\"" + "x" + random.nextInt(1000) + "\":1}"), "x");
      case 8 -> new BadBody(json, bytes(randomText(random, 30) + "{"), "body");
      // cut short: the field where reading stopped, or body
      case 9 -> new BadBody(json, bytes(validBody().substring(0, random.nextInt(30))), null);
      case 10 ->
          new BadBody(
              json,
              bytes(
                  "{\"suite\":\"smoke\",\"endpoints\":"
                      + List.of("1", "\"pokemon\"", "{}").get(random.nextInt(3))
                      + "}"),
              "endpoints");
      case 11 ->
          new BadBody(json, bytes("{\"suite\":\"smoke\",\"resources\":[null]}"), "resources[0]");
      case 12 -> new BadBody("text/plain", bytes(validBody()), null);
      default -> new BadBody(json, bytes("[" + validBody() + "]"), "body");
    };
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // --- the checks ----------------------------------------------------------------------------

  private static final String UNRESERVED_AND_DELIMITERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?";

  /**
   * Whether {@code target} is a well-formed RFC 3986 path and query (no regex: targets are long).
   */
  static boolean wellFormed(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c == '%') {
        if (i + 2 >= target.length()
            || Character.digit(target.charAt(i + 1), 16) < 0
            || Character.digit(target.charAt(i + 2), 16) < 0) {
          return false;
        }
        i += 2;
      } else if (UNRESERVED_AND_DELIMITERS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Problem details for every target; a malformed one (not RFC 3986) must be a 400. Returns whether
   * the target was well formed (the callers' field checks apply to those).
   */
  private static boolean assertAnswer(
      SoftAssertions softly, String what, String target, Answer answer, String field) {
    assertProblem(softly, what, answer, field);
    if (!wellFormed(target)) {
      softly.assertThat(answer.status()).as("%s: malformed target", what).isEqualTo(400);
      return false;
    }
    return true;
  }

  private static void assertProblem(
      SoftAssertions softly, String what, Answer answer, String expectedField) {
    softly.assertThat(answer.status()).as("%s: status", what).isBetween(400, 499);
    softly
        .assertThat(answer.contentType())
        .as("%s: content type (body %s)", what, answer.body())
        .startsWith("application/problem+json");
    JsonNode problem;
    try {
      problem = JSON.readTree(answer.body());
    } catch (IOException e) {
      softly.fail("%s: body is not JSON: %s", what, answer.body());
      return;
    }
    softly
        .assertThat(problem.path("status").asInt())
        .as("%s: status field", what)
        .isEqualTo(answer.status());
    for (String type : JAVA_TYPES) {
      softly.assertThat(answer.body()).as("%s: names no Java type", what).doesNotContain(type);
    }
    if (answer.status() == 400) {
      softly
          .assertThat(problem.path("errors").path(0).path("field").asText())
          .as("%s: names the field (%s)", what, answer.body())
          .isNotBlank();
      if (expectedField != null) {
        softly
            .assertThat(problem.path("errors").findValuesAsText("field"))
            .as("%s: names %s (%s)", what, expectedField, answer.body())
            .anyMatch(f -> f.equals(expectedField) || f.startsWith(expectedField));
      }
    }
  }

  @Test
  void badRunIdsOfGetAndDeleteAreProblems() throws Exception {
    Random random = new Random(SEED);
    SoftAssertions softly = new SoftAssertions();
    int malformed = 0;
    for (String method : List.of("GET", "DELETE")) {
      for (int i = 0; i < PER_OPERATION; i++) {
        String id = badId(random);
        String target = "/api/runs/" + id;
        Answer answer = send(method, target, null, null);
        String what =
            method + " /api/runs/" + (id.length() > 60 ? id.substring(0, 60) + "..." : id);
        if (!assertAnswer(softly, what, target, answer, null)) {
          malformed++;
          continue;
        }
        if (answer.status() == 400) {
          softly
              .assertThat(JSON.readTree(answer.body()).path("errors").findValuesAsText("field"))
              .as("%s names the id or the part of the URI at fault", what)
              .containsAnyOf("id", "path", "uri");
        }
      }
    }
    System.out.printf(
        "bad run ids: %d requests, %d malformed targets%n", 2 * PER_OPERATION, malformed);
    softly.assertAll();
  }

  @Test
  void badLimitsAreProblemsNamingLimit() throws Exception {
    Random random = new Random(SEED + 1);
    SoftAssertions softly = new SoftAssertions();
    int malformed = 0;
    for (int i = 0; i < PER_OPERATION; i++) {
      String limit = badLimit(random);
      String target = "/api/runs?limit=" + limit;
      Answer answer = send("GET", target, null, null);
      String what = "GET " + target;
      if (!assertAnswer(softly, what, target, answer, null)) {
        malformed++;
        continue;
      }
      softly.assertThat(answer.status()).as(what).isEqualTo(400);
      softly
          .assertThat(JSON.readTree(answer.body()).path("errors").findValuesAsText("field"))
          .as("%s names limit", what)
          .contains("limit");
    }
    System.out.printf("bad limits: %d requests, %d malformed targets%n", PER_OPERATION, malformed);
    softly.assertAll();
  }

  @Test
  void badBodiesAreProblemsAndStartNothing() throws Exception {
    Random random = new Random(SEED + 2);
    int runsBefore = knownRuns();
    SoftAssertions softly = new SoftAssertions();
    List<String> started = new ArrayList<>();
    for (int i = 0; i < PER_OPERATION; i++) {
      BadBody bad = badBody(random);
      Answer answer = send("POST", "/api/runs", bad.contentType(), bad.body());
      String what = "POST " + new String(bad.body(), StandardCharsets.UTF_8);
      if (answer.status() == 202) {
        started.add(what);
      }
      assertProblem(softly, what, answer, bad.field());
    }
    softly.assertThat(started).as("bad bodies that started a run").isEmpty();
    softly.assertThat(knownRuns()).as("runs known after the fuzzing").isEqualTo(runsBefore);
    softly.assertAll();
  }
}
