package io.pokeapi.observability.load.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The response parser reads what servers send, however the network splits it: the same status, body
 * and keep-alive decision for any split of a response into chunks, with Content-Length, chunked and
 * read-until-close bodies; and bytes that are no HTTP response end in a classified failure, never
 * in waiting forever for more.
 */
class ResponseParserPropertiesTest {

  enum Framing {
    LENGTH,
    CHUNKED,
    UNTIL_CLOSE
  }

  /** What a parse saw. */
  record Parsed(ResponseParser.Result result, int status, byte[] body, boolean keepAlive) {}

  private static Parsed feed(ResponseParser parser, byte[] bytes, List<Integer> cuts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    ResponseParser.BodyListener listener =
        (buffer, index, length) -> {
          byte[] slice = new byte[length];
          buffer.getBytes(index, slice);
          body.writeBytes(slice);
        };
    List<Integer> points = new ArrayList<>();
    for (int cut : cuts) {
      points.add(Math.floorMod(cut, bytes.length + 1));
    }
    points.add(bytes.length);
    points.sort(Integer::compare);
    int from = 0;
    ResponseParser.Result result = ResponseParser.Result.MORE;
    for (int to : points) {
      if (to <= from) {
        continue;
      }
      ByteBuf chunk = Unpooled.wrappedBuffer(bytes, from, to - from);
      result = parser.parse(chunk, listener);
      if (result == ResponseParser.Result.COMPLETE) {
        assertThat(chunk.isReadable()).as("bytes left after the response").isFalse();
        assertThat(to).as("the response ends with its last byte").isEqualTo(bytes.length);
      }
      if (result != ResponseParser.Result.MORE) {
        break;
      }
      from = to;
    }
    return new Parsed(result, parser.status(), body.toByteArray(), parser.keepAlive());
  }

  private static byte[] response(
      int status,
      boolean http10,
      boolean close,
      Framing framing,
      byte[] body,
      List<String> extraHeaders,
      long seed,
      boolean interim) {
    Random random = new Random(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String version = http10 ? "HTTP/1.0" : "HTTP/1.1";
    if (interim && !http10) {
      out.writeBytes(ascii("HTTP/1.1 100 Continue\r\n\r\n"));
    }
    out.writeBytes(ascii(version + " " + status + " Some Reason\r\n"));
    for (String header : extraHeaders) {
      out.writeBytes(ascii(header + "\r\n"));
    }
    if (close) {
      out.writeBytes(ascii(randomCase(random, "Connection") + ": " + "close\r\n"));
    } else if (http10) {
      out.writeBytes(ascii("Connection: Keep-Alive\r\n"));
    }
    switch (framing) {
      case LENGTH ->
          out.writeBytes(
              ascii(randomCase(random, "Content-Length") + ":  " + body.length + " \r\n"));
      case CHUNKED ->
          out.writeBytes(ascii(randomCase(random, "Transfer-Encoding") + ": chunked\r\n"));
      case UNTIL_CLOSE -> {}
    }
    out.writeBytes(ascii("\r\n"));
    if (framing == Framing.CHUNKED) {
      int at = 0;
      while (at < body.length) {
        int n = 1 + random.nextInt(Math.min(body.length - at, 700));
        String size = Integer.toHexString(n);
        out.writeBytes(
            ascii(
                (random.nextBoolean() ? size : size.toUpperCase())
                    + (random.nextInt(4) == 0 ? ";ext=1" : "")
                    + "\r\n"));
        out.write(body, at, n);
        out.writeBytes(ascii("\r\n"));
        at += n;
      }
      out.writeBytes(ascii("0\r\n"));
      if (random.nextBoolean()) {
        out.writeBytes(ascii("X-Trailer: yes\r\n"));
      }
      out.writeBytes(ascii("\r\n"));
    } else {
      out.writeBytes(body);
    }
    return out.toByteArray();
  }

  private static String randomCase(Random random, String name) {
    StringBuilder s = new StringBuilder();
    for (char c : name.toCharArray()) {
      s.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return s.toString();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(3000);
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 10_000).list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<String>> headers() {
    return Arbitraries.of(
            "Server: nginx/1.22.1",
            "Content-Type: application/json",
            "X-Long: " + "v".repeat(3000),
            "Date: Tue, 01 Dec 2026 23:00:00 GMT",
            "ETag: \"abc\"",
            "X-Connection-Info: close",
            "Vary: Accept-Encoding")
        .list()
        .ofMaxSize(5);
  }

  @Property(tries = 400)
  void anySplitOfAResponseParsesTheSame(
      @ForAll @IntRange(min = 200, max = 599) int status,
      @ForAll boolean http10,
      @ForAll boolean close,
      @ForAll Framing framing,
      @ForAll("bodies") byte[] body,
      @ForAll("headers") List<String> headers,
      @ForAll("cuts") List<Integer> cuts,
      @ForAll long seed,
      @ForAll boolean interim) {
    int shown = status == 204 || status == 304 ? 200 : status;
    Framing framed = http10 && framing == Framing.CHUNKED ? Framing.LENGTH : framing;
    byte[] bytes = response(shown, http10, close, framed, body, headers, seed, interim);
    ResponseParser parser = new ResponseParser();

    Parsed parsed = feed(parser, bytes, cuts);

    if (framed == Framing.UNTIL_CLOSE) {
      // the body runs until the server closes the connection
      assertThat(parsed.result()).isEqualTo(ResponseParser.Result.MORE);
      assertThat(parser.completesOnClose()).isTrue();
      assertThat(parser.keepAlive()).isFalse();
    } else {
      assertThat(parsed.result()).isEqualTo(ResponseParser.Result.COMPLETE);
      assertThat(parsed.keepAlive()).isEqualTo(!close);
    }
    assertThat(parsed.status()).isEqualTo(shown);
    assertThat(parsed.body()).isEqualTo(body);
  }

  @Property(tries = 100)
  void aKeptAliveConnectionParsesResponseAfterResponse(
      @ForAll("bodies") byte[] first,
      @ForAll("bodies") byte[] second,
      @ForAll("cuts") List<Integer> cuts,
      @ForAll long seed) {
    ResponseParser parser = new ResponseParser();
    byte[] a = response(200, false, false, Framing.CHUNKED, first, List.of(), seed, false);
    byte[] b = response(404, false, false, Framing.LENGTH, second, List.of(), seed, false);

    Parsed one = feed(parser, a, cuts);
    parser.reset();
    Parsed two = feed(parser, b, cuts);

    assertThat(one.result()).isEqualTo(ResponseParser.Result.COMPLETE);
    assertThat(one.body()).isEqualTo(first);
    assertThat(two.result()).isEqualTo(ResponseParser.Result.COMPLETE);
    assertThat(two.status()).isEqualTo(404);
    assertThat(two.body()).isEqualTo(second);
  }

  @Property(tries = 300)
  void garbageIsAFailureNotAWaitForMore(
      @ForAll("bodies") byte[] noise, @ForAll("cuts") List<Integer> cuts) {
    // no status line: anything whose first line does not start with HTTP/1.x and a status
    byte[] bytes = new byte[noise.length + 3];
    bytes[0] = 'X';
    System.arraycopy(noise, 0, bytes, 1, noise.length);
    bytes[bytes.length - 2] = '\r';
    bytes[bytes.length - 1] = '\n';

    Parsed parsed = feed(new ResponseParser(), bytes, cuts);

    assertThat(parsed.result()).isEqualTo(ResponseParser.Result.MALFORMED);
  }

  @Property(tries = 100)
  void aBrokenChunkedBodyIsAFailure(
      @ForAll("bodies") byte[] body, @ForAll("cuts") List<Integer> cuts, @ForAll long seed) {
    byte[] head = ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    byte[] bytes = new byte[head.length + body.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    System.arraycopy(body, 0, bytes, head.length, body.length);

    Parsed parsed = feed(new ResponseParser(), bytes, cuts);

    assertThat(parsed.result()).isEqualTo(ResponseParser.Result.MALFORMED);
  }

  @Example
  void headersThatNeverEndAreAFailure() {
    ResponseParser parser = new ResponseParser();
    ResponseParser.Result result =
        parser.parse(Unpooled.wrappedBuffer(ascii("HTTP/1.1 200 OK\r\n")), null);
    byte[] header = ascii("X-Filler: " + "f".repeat(1000) + "\r\n");
    for (int i = 0; i < 100 && result == ResponseParser.Result.MORE; i++) {
      result = parser.parse(Unpooled.wrappedBuffer(header), null);
    }
    assertThat(result).isEqualTo(ResponseParser.Result.MALFORMED);
  }

  @Example
  void aLineWithoutEndIsAFailure() {
    ResponseParser parser = new ResponseParser();
    ResponseParser.Result result = ResponseParser.Result.MORE;
    byte[] noise = ascii("HTTP/1.1 200 " + "o".repeat(4000));
    for (int i = 0; i < 100 && result == ResponseParser.Result.MORE; i++) {
      result = parser.parse(Unpooled.wrappedBuffer(noise), null);
    }
    assertThat(result).isEqualTo(ResponseParser.Result.MALFORMED);
  }

  @Example
  void aBodyCutShortByTheServerIsNoResponse() {
    ResponseParser parser = new ResponseParser();
    byte[] bytes = ascii("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345");

    ResponseParser.Result result = parser.parse(Unpooled.wrappedBuffer(bytes), null);

    assertThat(result).isEqualTo(ResponseParser.Result.MORE);
    assertThat(parser.completesOnClose()).isFalse();
  }

  @Example
  void noContentHasNoBodyWhateverItsHeadersSay() {
    ResponseParser parser = new ResponseParser();
    ResponseParser.Result result =
        parser.parse(Unpooled.wrappedBuffer(ascii("HTTP/1.1 204 No Content\r\n\r\n")), null);
    assertThat(result).isEqualTo(ResponseParser.Result.COMPLETE);
    assertThat(parser.status()).isEqualTo(204);
    assertThat(parser.keepAlive()).isTrue();
  }
}
