package io.pokeapi.observability.pokeapidouble.render;

import io.pokeapi.observability.pokeapidouble.data.DataSet;
import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rendered bodies of one {@link DataSet}, per base URL. Bounded twice: at most {@code maxBases}
 * base URLs get a cache (clients with other {@code Host} values are still answered correctly, by
 * rendering each time), and cached bodies stop being added once {@code budgetBytes} is used.
 */
public final class RenderCache {

  private static final System.Logger LOG = System.getLogger(RenderCache.class.getName());

  private final DataSet data;
  private final int maxBases;
  private final long budgetBytes;
  private final ConcurrentHashMap<String, BaseRendering> bases = new ConcurrentHashMap<>();
  private final AtomicLong usedBytes = new AtomicLong();
  private final AtomicBoolean warnedBases = new AtomicBoolean();
  private final AtomicBoolean warnedBudget = new AtomicBoolean();

  /** A cache for {@code data}. */
  public RenderCache(DataSet data, int maxBases, long budgetBytes) {
    this.data = data;
    this.maxBases = maxBases;
    this.budgetBytes = budgetBytes;
  }

  /** The data set these renderings come from. */
  public DataSet data() {
    return data;
  }

  /** The rendering for a base URL such as {@code http://localhost:8080}. */
  public BaseRendering base(String baseUrl) {
    BaseRendering rendering = bases.get(baseUrl);
    if (rendering != null) {
      return rendering;
    }
    if (bases.size() >= maxBases) {
      if (warnedBases.compareAndSet(false, true)) {
        LOG.log(
            Level.WARNING,
            "More than {0} distinct base URLs; bodies for {1} and later ones are rendered per"
                + " request",
            maxBases,
            baseUrl);
      }
      return new BaseRendering(baseUrl, this, false, 0, 0);
    }
    return bases.computeIfAbsent(
        baseUrl, b -> new BaseRendering(b, this, true, data.documentCount(), data.listCount()));
  }

  /** How many base URLs have a cache. */
  public int baseCount() {
    return bases.size();
  }

  /** Bytes held by cached renderings. */
  public long usedBytes() {
    return usedBytes.get();
  }

  boolean reserve(long bytes) {
    long after = usedBytes.addAndGet(bytes);
    if (after <= budgetBytes) {
      return true;
    }
    usedBytes.addAndGet(-bytes);
    if (warnedBudget.compareAndSet(false, true)) {
      LOG.log(
          Level.WARNING,
          "Render cache budget of {0} bytes used up; further bodies are rendered per request",
          budgetBytes);
    }
    return false;
  }

  void release(long bytes) {
    usedBytes.addAndGet(-bytes);
  }
}
