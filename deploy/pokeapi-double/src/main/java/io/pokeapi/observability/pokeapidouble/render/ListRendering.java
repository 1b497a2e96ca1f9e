package io.pokeapi.observability.pokeapidouble.render;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.pokeapi.observability.pokeapidouble.live.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A list rendered for one base URL, from which any page is cut with one array copy. Pages already
 * asked for are kept (up to {@link #MAX_CACHED_PAGES} pages and {@link #MAX_CACHED_PAGE_BYTES}
 * bytes per list) so that a load test that walks the default pages does no work per request.
 */
public final class ListRendering {

  static final int MAX_CACHED_PAGES = 2048;
  static final long MAX_CACHED_PAGE_BYTES = 8L << 20;

  private static final byte[] COUNT = "{\"count\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NEXT = ",\"next\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PREVIOUS = ",\"previous\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RESULTS = ",\"results\":[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "]}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

  private final ListEntries entries;
  private final byte[] countJson;
  private final String baseUrl;
  private final boolean cachePages;
  private final ConcurrentHashMap<PageKey, RenderedBody> pages = new ConcurrentHashMap<>();
  private final AtomicLong cachedPageBytes = new AtomicLong();

  ListRendering(ListEntries entries, String baseUrl, boolean cachePages) {
    this.entries = entries;
    this.countJson = entries.countJson().getBytes(StandardCharsets.UTF_8);
    this.baseUrl = baseUrl;
    this.cachePages = cachePages;
  }

  /** How many entries the list holds. */
  public int size() {
    return entries.size();
  }

  /** Bytes held by the rendered entries. */
  long retainedBytes() {
    return entries.bytes().length + 8L * entries.size();
  }

  /** The page a request for {@code rawPath} with these paging values gets. */
  public RenderedBody page(String rawPath, PageRequest request) {
    PageKey key = new PageKey(rawPath, request.offset(), request.limit());
    RenderedBody page = pages.get(key);
    if (page == null) {
      page = render(rawPath, request);
      if (cachePages
          && pages.size() < MAX_CACHED_PAGES
          && cachedPageBytes.get() + page.size() <= MAX_CACHED_PAGE_BYTES
          && pages.putIfAbsent(key, page) == null) {
        cachedPageBytes.addAndGet(page.size());
      }
    }
    return page;
  }

  private RenderedBody render(String rawPath, PageRequest request) {
    PageRequest next = request.next(entries.countValue());
    PageRequest previous = request.previous();
    byte[] nextJson = next == null ? NULL : quote(next.url(baseUrl, rawPath));
    byte[] previousJson = previous == null ? NULL : quote(previous.url(baseUrl, rawPath));
    int from = request.sliceStart(entries.size());
    int to = request.sliceEnd(entries.size());
    int sliceStart = from < to ? entries.starts()[from] : 0;
    int sliceLength = from < to ? entries.ends()[to - 1] - sliceStart : 0;
    byte[] body =
        new byte
            [COUNT.length
                + countJson.length
                + NEXT.length
                + nextJson.length
                + PREVIOUS.length
                + previousJson.length
                + RESULTS.length
                + sliceLength
                + END.length];
    int at = 0;
    at = put(body, at, COUNT);
    at = put(body, at, countJson);
    at = put(body, at, NEXT);
    at = put(body, at, nextJson);
    at = put(body, at, PREVIOUS);
    at = put(body, at, previousJson);
    at = put(body, at, RESULTS);
    System.arraycopy(entries.bytes(), sliceStart, body, at, sliceLength);
    at += sliceLength;
    put(body, at, END);
    return RenderedBody.of(body);
  }

  private static byte[] quote(String url) {
    byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(url);
    byte[] quoted = new byte[escaped.length + 2];
    quoted[0] = '"';
    System.arraycopy(escaped, 0, quoted, 1, escaped.length);
    quoted[quoted.length - 1] = '"';
    return quoted;
  }

  private static int put(byte[] target, int at, byte[] part) {
    System.arraycopy(part, 0, target, at, part.length);
    return at + part.length;
  }

  private record PageKey(String rawPath, double offset, double limit) {}
}
