package io.pokeapi.observability.pokeapidouble.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends a request byte for byte over a socket, for what java.net.http refuses to send: raw request
 * targets ({@code %zz}, {@code ../}), any {@code Host}, and for seeing resets and truncated bodies
 * as they happen.
 */
public final class RawHttp {

  private RawHttp() {}

  /** {@code GET target} with {@code Host: host} and extra header lines, connection closed after. */
  public static Reply get(int port, String target, String host, String... headerLines)
      throws IOException {
    StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
    request.append("Host: ").append(host).append("\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    return exchange(port, request.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * {@code method target} to {@code address:port} with {@code Host: host}, extra header lines and
   * an optional body (sent with its Content-Length), connection closed after.
   */
  public static Reply send(
      String address,
      int port,
      String method,
      String target,
      String host,
      String body,
      String... headerLines)
      throws IOException {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder(method).append(' ').append(target);
    request.append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    if (body != null) {
      request.append("Content-Length: ").append(content.length).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    bytes.writeBytes(content);
    return exchange(address, port, bytes.toByteArray());
  }

  /** Sends raw bytes and reads the answer until the server closes the connection. */
  public static Reply exchange(int port, byte[] request) throws IOException {
    return exchange("127.0.0.1", port, request);
  }

  /** Sends raw bytes to {@code address} and reads the answer until the server closes. */
  public static Reply exchange(String address, int port, byte[] request) throws IOException {
    try (Socket socket = new Socket(address, port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      in.transferTo(received);
      return parse(received.toByteArray());
    }
  }

  private static Reply parse(byte[] raw) throws IOException {
    int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (headEnd < 0) {
      throw new IOException("no complete HTTP head in " + raw.length + " bytes");
    }
    String head = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(
              lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    byte[] body = Arrays.copyOfRange(raw, headEnd + 4, raw.length);
    return new Reply(status, headers, body);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
