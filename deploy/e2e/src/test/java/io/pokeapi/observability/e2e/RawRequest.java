package io.pokeapi.observability.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One {@code GET} written byte for byte on a socket, so that a request target no HTTP client would
 * send (a malformed %-escape) reaches the server as a hostile client sends it.
 */
final class RawRequest {

  /** The answer's status, content type and body. */
  record Answer(int status, String contentType, String body) {}

  private RawRequest() {}

  static Answer get(String baseUrl, String target) {
    URI base = URI.create(baseUrl);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + target
                      + " HTTP/1.1\r\nHost: "
                      + base.getHost()
                      + "\r\nConnection: close\r\n"
                      + "Accept: application/json\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      String answer = read(socket.getInputStream());
      int headEnd = answer.indexOf("\r\n\r\n");
      String head = headEnd < 0 ? answer : answer.substring(0, headEnd);
      String body = headEnd < 0 ? "" : answer.substring(headEnd + 4);
      int status = Integer.parseInt(head.split(" ", 3)[1]);
      String contentType = "";
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
          contentType = line.substring("content-type:".length()).trim();
        }
      }
      return new Answer(status, contentType, body);
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + target + " on " + baseUrl, e);
    }
  }

  private static String read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
