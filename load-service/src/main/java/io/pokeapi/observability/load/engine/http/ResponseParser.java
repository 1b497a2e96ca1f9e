package io.pokeapi.observability.load.engine.http;

import io.netty.buffer.ByteBuf;

/**
 * A streaming HTTP/1.x response parser that allocates nothing per response: the status line and the
 * headers it needs (Content-Length, Transfer-Encoding, Connection) are read from a reused line
 * buffer, the body is handed on as slices of the network buffer (never aggregated) and ends by its
 * length, by its last chunk, or when the server closes the connection (HTTP/1.0 style). Responses
 * may arrive split anywhere. One parser per connection, on its event loop.
 */
public final class ResponseParser {

  /** What {@link #parse} saw. */
  public enum Result {
    /** every byte was consumed; the response goes on */
    MORE,
    /** a response ended; bytes after it stay unread */
    COMPLETE,
    /** the bytes are no HTTP/1.x response; the connection is unusable */
    MALFORMED
  }

  /** Receives the body as it streams, as slices of the network buffer (valid during the call). */
  @FunctionalInterface
  public interface BodyListener {
    void body(ByteBuf buffer, int index, int length);
  }

  /** Longest status or header line kept (the rest of a longer line is skipped, not kept). */
  static final int LINE_KEPT = 1024;

  /** Most bytes of status line and headers of one response, so that garbage cannot hang us. */
  static final int MAX_HEAD = 64 * 1024;

  private static final int STATUS = 0;
  private static final int HEADERS = 1;
  private static final int BODY_LENGTH = 2;
  private static final int CHUNK_SIZE = 3;
  private static final int CHUNK_DATA = 4;
  private static final int CHUNK_END = 5;
  private static final int TRAILERS = 6;
  private static final int BODY_UNTIL_CLOSE = 7;
  private static final int DONE = 8;

  private static final byte[] CONTENT_LENGTH = ascii("content-length");
  private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
  private static final byte[] CONNECTION = ascii("connection");
  private static final byte[] CHUNKED = ascii("chunked");
  private static final byte[] CLOSE = ascii("close");
  private static final byte[] KEEP_ALIVE = ascii("keep-alive");

  private final byte[] line = new byte[LINE_KEPT];
  private int lineLength;
  private int lineTotal;
  private int state = STATUS;
  private int headBytes;
  private int status;
  private boolean http10;
  private boolean keepAlive;
  private boolean chunked;
  private long contentLength;
  private long remaining;
  private boolean expectingHeadOnly;

  /** Ready for the next response on this connection. */
  public void reset() {
    state = STATUS;
    lineLength = 0;
    lineTotal = 0;
    headBytes = 0;
    status = 0;
    http10 = false;
    keepAlive = true;
    chunked = false;
    contentLength = -1;
    remaining = 0;
  }

  public ResponseParser() {
    reset();
  }

  /** Whether the response answers a HEAD request (no body whatever the headers say). */
  public void expectHeadOnly(boolean headOnly) {
    this.expectingHeadOnly = headOnly;
  }

  /** The status code, once the status line is read (0 before). */
  public int status() {
    return status;
  }

  /** Whether the connection may carry the next request once this response is complete. */
  public boolean keepAlive() {
    return keepAlive;
  }

  /** Whether some bytes of a response were read and it has not ended. */
  public boolean started() {
    return state != STATUS || lineTotal > 0;
  }

  /**
   * The server closed the connection: whether that ends the response (a body that runs until the
   * close). Anything else cut short is a failure of the connection.
   */
  public boolean completesOnClose() {
    if (state == BODY_UNTIL_CLOSE) {
      state = DONE;
      keepAlive = false;
      return true;
    }
    return state == DONE;
  }

  /**
   * Parses from the buffer's reader index, advancing it past what was consumed.
   *
   * @param buffer the bytes read from the connection
   * @param listener receives the body
   * @return what was seen
   */
  public Result parse(ByteBuf buffer, BodyListener listener) {
    while (buffer.isReadable()) {
      switch (state) {
        case STATUS, HEADERS, CHUNK_SIZE, CHUNK_END, TRAILERS -> {
          if (!readLine(buffer)) {
            if (headBytes > MAX_HEAD || lineTotal > MAX_HEAD) {
              return Result.MALFORMED;
            }
            continue;
          }
          Result result = onLine();
          if (result != Result.MORE) {
            return result;
          }
        }
        case BODY_LENGTH, CHUNK_DATA -> {
          int n = (int) Math.min(remaining, buffer.readableBytes());
          if (listener != null) {
            listener.body(buffer, buffer.readerIndex(), n);
          }
          buffer.skipBytes(n);
          remaining -= n;
          if (remaining == 0) {
            if (state == BODY_LENGTH) {
              state = DONE;
              return Result.COMPLETE;
            }
            state = CHUNK_END;
          }
        }
        case BODY_UNTIL_CLOSE -> {
          int n = buffer.readableBytes();
          if (listener != null) {
            listener.body(buffer, buffer.readerIndex(), n);
          }
          buffer.skipBytes(n);
        }
        default -> {
          // bytes after a complete response, before reset: not ours to read
          return Result.MALFORMED;
        }
      }
    }
    if (state == DONE) {
      return Result.COMPLETE;
    }
    return Result.MORE;
  }

  /** Reads up to and including LF; whether the line is complete (kept in {@link #line}). */
  private boolean readLine(ByteBuf buffer) {
    int from = buffer.readerIndex();
    int lf = buffer.indexOf(from, buffer.writerIndex(), (byte) '\n');
    int end = lf < 0 ? buffer.writerIndex() : lf;
    int n = end - from;
    int keep = Math.min(n, LINE_KEPT - lineLength);
    if (keep > 0) {
      buffer.getBytes(from, line, lineLength, keep);
      lineLength += keep;
    }
    lineTotal += n;
    if (state == STATUS || state == HEADERS || state == TRAILERS) {
      headBytes += n + (lf < 0 ? 0 : 1);
    }
    buffer.readerIndex(lf < 0 ? end : lf + 1);
    return lf >= 0;
  }

  private Result onLine() {
    int length = lineLength;
    boolean truncated = lineTotal > lineLength;
    if (length > 0 && line[length - 1] == '\r' && !truncated) {
      length--;
    }
    lineLength = 0;
    lineTotal = 0;
    if (headBytes > MAX_HEAD) {
      return Result.MALFORMED;
    }
    switch (state) {
      case STATUS -> {
        if (length == 0) {
          return Result.MORE; // tolerated: empty lines before the status line
        }
        return statusLine(length) ? Result.MORE : Result.MALFORMED;
      }
      case HEADERS -> {
        if (length == 0) {
          return endOfHead();
        }
        return header(length, truncated) ? Result.MORE : Result.MALFORMED;
      }
      case CHUNK_SIZE -> {
        long size = chunkSize(length);
        if (size < 0) {
          return Result.MALFORMED;
        }
        if (size == 0) {
          state = TRAILERS;
        } else {
          remaining = size;
          state = CHUNK_DATA;
        }
        return Result.MORE;
      }
      case CHUNK_END -> {
        if (length != 0) {
          return Result.MALFORMED;
        }
        state = CHUNK_SIZE;
        return Result.MORE;
      }
      case TRAILERS -> {
        if (length == 0) {
          state = DONE;
          return Result.COMPLETE;
        }
        return Result.MORE;
      }
      default -> {
        return Result.MALFORMED;
      }
    }
  }

  /** {@code HTTP/1.x SP 3DIGIT [SP reason]}. */
  private boolean statusLine(int length) {
    if (length < 12
        || line[0] != 'H'
        || line[1] != 'T'
        || line[2] != 'T'
        || line[3] != 'P'
        || line[4] != '/'
        || line[5] != '1'
        || line[6] != '.'
        || !digit(line[7])
        || line[8] != ' '
        || !digit(line[9])
        || !digit(line[10])
        || !digit(line[11])
        || (length > 12 && line[12] != ' ')) {
      return false;
    }
    http10 = line[7] == '0';
    keepAlive = !http10;
    status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    if (status < 100) {
      return false;
    }
    state = HEADERS;
    return true;
  }

  private boolean header(int length, boolean truncated) {
    int colon = -1;
    for (int i = 0; i < length; i++) {
      if (line[i] == ':') {
        colon = i;
        break;
      }
    }
    if (colon <= 0) {
      return false;
    }
    int from = colon + 1;
    int to = length;
    while (from < to && (line[from] == ' ' || line[from] == '\t')) {
      from++;
    }
    while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
      to--;
    }
    if (nameIs(CONTENT_LENGTH, colon)) {
      if (truncated || from == to || to - from > 18) {
        return false;
      }
      long value = 0;
      for (int i = from; i < to; i++) {
        if (!digit(line[i])) {
          return false;
        }
        value = value * 10 + (line[i] - '0');
      }
      if (contentLength >= 0 && contentLength != value) {
        return false;
      }
      contentLength = value;
    } else if (nameIs(TRANSFER_ENCODING, colon)) {
      // the last coding must be chunked for the body to be chunked
      chunked = endsWithToken(CHUNKED, from, to);
    } else if (nameIs(CONNECTION, colon)) {
      if (containsToken(CLOSE, from, to)) {
        keepAlive = false;
      } else if (http10 && containsToken(KEEP_ALIVE, from, to)) {
        keepAlive = true;
      }
    }
    return true;
  }

  private Result endOfHead() {
    if (status < 200) {
      // an interim response (100 Continue, 103 Early Hints): the real one follows
      int keep = status;
      reset();
      return keep == 101 ? Result.MALFORMED : Result.MORE;
    }
    if (expectingHeadOnly || status == 204 || status == 304) {
      state = DONE;
      return Result.COMPLETE;
    }
    if (chunked) {
      state = CHUNK_SIZE;
      return Result.MORE;
    }
    if (contentLength >= 0) {
      if (contentLength == 0) {
        state = DONE;
        return Result.COMPLETE;
      }
      remaining = contentLength;
      state = BODY_LENGTH;
      return Result.MORE;
    }
    keepAlive = false;
    state = BODY_UNTIL_CLOSE;
    return Result.MORE;
  }

  /** Hex digits, then optional chunk extensions after {@code ;}; -1 when malformed. */
  private long chunkSize(int length) {
    long size = 0;
    int digits = 0;
    int i = 0;
    while (i < length && (line[i] == ' ' || line[i] == '\t')) {
      i++;
    }
    for (; i < length; i++) {
      int v = hex(line[i]);
      if (v < 0) {
        break;
      }
      if (++digits > 15) {
        return -1;
      }
      size = size * 16 + v;
    }
    if (digits == 0) {
      return -1;
    }
    while (i < length && (line[i] == ' ' || line[i] == '\t')) {
      i++;
    }
    if (i < length && line[i] != ';') {
      return -1;
    }
    return size;
  }

  private boolean nameIs(byte[] name, int colon) {
    if (colon != name.length) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      if (lower(line[i]) != name[i]) {
        return false;
      }
    }
    return true;
  }

  private boolean containsToken(byte[] token, int from, int to) {
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || line[i] == ',') {
        int a = start;
        int b = i;
        while (a < b && (line[a] == ' ' || line[a] == '\t')) {
          a++;
        }
        while (b > a && (line[b - 1] == ' ' || line[b - 1] == '\t')) {
          b--;
        }
        if (equalsIgnoreCase(token, a, b)) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  private boolean endsWithToken(byte[] token, int from, int to) {
    int start = from;
    for (int i = to - 1; i >= from; i--) {
      if (line[i] == ',') {
        start = i + 1;
        break;
      }
    }
    while (start < to && (line[start] == ' ' || line[start] == '\t')) {
      start++;
    }
    return equalsIgnoreCase(token, start, to);
  }

  private boolean equalsIgnoreCase(byte[] token, int from, int to) {
    if (to - from != token.length) {
      return false;
    }
    for (int i = 0; i < token.length; i++) {
      if (lower(line[from + i]) != token[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte lower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
  }

  private static boolean digit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
