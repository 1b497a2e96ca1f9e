package io.pokeapi.observability.pokeapidouble.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** {@code decodeURIComponent} as Express applies it to route parameters. */
final class PercentDecoding {

  private PercentDecoding() {}

  /**
   * The decoded text of {@code raw[from, to)}, or null where {@code decodeURIComponent} throws (a
   * {@code %} without two hex digits, or bytes that are not UTF-8). {@code +} stays {@code +}.
   */
  static String decode(String raw, int from, int to) {
    int percent = raw.indexOf('%', from);
    if (percent < 0 || percent >= to) {
      return raw.substring(from, to);
    }
    byte[] bytes = new byte[to - from];
    int length = 0;
    for (int i = from; i < to; i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= to) {
          return null;
        }
        int high = hexValue(raw.charAt(i + 1));
        int low = hexValue(raw.charAt(i + 2));
        if (high < 0 || low < 0) {
          return null;
        }
        bytes[length++] = (byte) ((high << 4) | low);
        i += 2;
      } else if (c < 0x80) {
        bytes[length++] = (byte) c;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (length + encoded.length > bytes.length) {
          bytes = Arrays.copyOf(bytes, bytes.length + encoded.length + 8);
        }
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The value of a hex digit, or -1. */
  static int hexValue(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    int lower = c | 0x20;
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }
}
