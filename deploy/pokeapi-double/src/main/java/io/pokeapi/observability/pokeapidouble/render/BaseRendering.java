package io.pokeapi.observability.pokeapidouble.render;

import io.pokeapi.observability.pokeapidouble.data.Document;
import io.pokeapi.observability.pokeapidouble.data.ListIndex;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Everything rendered for one base URL (scheme and host a client used), filled lazily: the first
 * request for a document renders it, later ones get the cached bytes with one array read. Two event
 * loops racing on the same slot both render and one result wins, which is harmless since both are
 * equal.
 */
public final class BaseRendering {

  private final String baseUrl;
  private final RenderCache owner;
  private final boolean cacheable;
  private final AtomicReferenceArray<RenderedBody> documents;
  private final AtomicReferenceArray<ListRendering> lists;

  BaseRendering(String baseUrl, RenderCache owner, boolean cacheable, int documents, int lists) {
    this.baseUrl = baseUrl;
    this.owner = owner;
    this.cacheable = cacheable;
    this.documents = new AtomicReferenceArray<>(cacheable ? documents : 0);
    this.lists = new AtomicReferenceArray<>(cacheable ? lists : 0);
  }

  /** The base URL, e.g. {@code http://localhost:8080}, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The cache this rendering belongs to (one per loaded data set). */
  public RenderCache owner() {
    return owner;
  }

  /** The body of a document, rendered on first use. */
  public RenderedBody document(Document document) {
    if (!cacheable) {
      return RenderedBody.of(JsonRenderer.document(document.source(), baseUrl));
    }
    RenderedBody body = documents.get(document.slot());
    if (body == null) {
      body = RenderedBody.of(JsonRenderer.document(document.source(), baseUrl));
      if (owner.reserve(body.size())) {
        if (!documents.compareAndSet(document.slot(), null, body)) {
          owner.release(body.size());
          body = documents.get(document.slot());
        }
      }
    }
    return body;
  }

  /** A list, rendered on first use; pages are cut from it. */
  public ListRendering list(ListIndex list) {
    if (!cacheable) {
      return new ListRendering(JsonRenderer.listEntries(list.source(), baseUrl), baseUrl, false);
    }
    ListRendering rendering = lists.get(list.slot());
    if (rendering == null) {
      rendering =
          new ListRendering(JsonRenderer.listEntries(list.source(), baseUrl), baseUrl, true);
      if (owner.reserve(rendering.retainedBytes())) {
        if (!lists.compareAndSet(list.slot(), null, rendering)) {
          owner.release(rendering.retainedBytes());
          rendering = lists.get(list.slot());
        }
      }
    }
    return rendering;
  }
}
