package io.pokeapi.observability.load.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A GET request encoded once (request line, Host, the profile's headers) into a direct buffer that
 * every send writes as a retained duplicate, so that sending never encodes anything again. The
 * owner releases it when the run ends.
 */
public final class RequestTemplate {

  private RequestTemplate() {}

  /**
   * Encodes {@code GET uri HTTP/1.1}.
   *
   * @param host the target host as in the URL (an IPv6 literal in brackets)
   * @param port the target port
   * @param ssl whether the target is https (for the default port)
   * @param uri the path and query
   * @param headers more headers; a {@code Host} among them replaces the default one
   */
  public static ByteBuf encode(
      ByteBufAllocator allocator,
      String host,
      int port,
      boolean ssl,
      String uri,
      Map<String, String> headers) {
    StringBuilder text = new StringBuilder(128);
    text.append("GET ").append(uri).append(" HTTP/1.1\r\n");
    boolean hostGiven = false;
    for (String name : headers.keySet()) {
      hostGiven |= name.equalsIgnoreCase("host");
    }
    if (!hostGiven) {
      text.append("Host: ").append(host);
      if (port != (ssl ? 443 : 80)) {
        text.append(':').append(port);
      }
      text.append("\r\n");
    }
    headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
    text.append("\r\n");
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    ByteBuf buffer = allocator.directBuffer(bytes.length, bytes.length);
    buffer.writeBytes(bytes);
    return buffer;
  }
}
