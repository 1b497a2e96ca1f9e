package io.pokeapi.observability.diff.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A minimal HTTP/1.1 client over one keep-alive connection that sends the request target exactly as
 * given (bad percent-encoding included), which real clients refuse to do; for fuzz tests.
 */
public final class RawHttp implements AutoCloseable {

  /** A response: status, headers (lower-case names) and body. */
  public record Response(int status, Map<String, String> headers, String body) {

    /** The Content-Type, or an empty string. */
    public String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  public RawHttp(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** Sends {@code GET target} and reads the answer. */
  public Response get(String target) {
    for (int attempt = 1; ; attempt++) {
      try {
        connect();
        out.write(
            ("GET "
                    + target
                    + " HTTP/1.1\r\nHost: "
                    + host
                    + "\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        Response response = read();
        if ("close".equalsIgnoreCase(response.headers().get("connection"))) {
          close();
        }
        return response;
      } catch (IOException e) {
        close();
        if (attempt == 3) {
          throw new UncheckedIOException("GET " + abbreviated(target), e);
        }
      }
    }
  }

  private void connect() throws IOException {
    if (socket == null) {
      socket = new Socket(host, port);
      socket.setSoTimeout(60_000);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    }
  }

  private Response read() throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("connection closed");
    }
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    Map<String, String> headers = new TreeMap<>();
    for (String line = line(); line != null && !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).strip());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      for (int size = Integer.parseInt(line().strip(), 16); size > 0; ) {
        body.write(in.readNBytes(size));
        line();
        size = Integer.parseInt(line().strip(), 16);
      }
      line();
    } else if (headers.containsKey("content-length")) {
      body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
    }
    return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  private static String abbreviated(String target) {
    return target.length() > 120 ? target.substring(0, 120) + "..." : target;
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing
      }
      socket = null;
    }
  }
}
