package io.pokeapi.observability.pokeapidouble;

import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import io.pokeapi.observability.pokeapidouble.server.AdminReach;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to run a double. Build one with {@link #builder(Path)}; every value but the data directory
 * has a default.
 *
 * @param dataDir the directory holding {@code api/v2} (api-data layout, plain or gzip files)
 * @param host the address to listen on (default {@code 0.0.0.0})
 * @param port the port (default 8080; 0 picks a free one)
 * @param adminEnabled whether {@code /_admin/} answers (default false: it 404s like any unknown
 *     path)
 * @param adminHost the local address admin requests must arrive on (default {@code 127.0.0.1}: only
 *     loopback connections reach it, whatever {@code host} is; {@code 0.0.0.0} for any)
 * @param adminToken when set, every admin request needs {@code Authorization: Bearer <token>}
 *     (default none); never printed ({@link #toString()} masks it)
 * @param eventLoops event loops, one server verticle each (default: available processors)
 * @param faultSeed makes fault dice deterministic; null for random (default)
 * @param missingEncounters what encounters of a pokemon answer when the data has none
 * @param trustForwardedHeaders build URLs from {@code X-Forwarded-Proto}/{@code -Host} (behind a
 *     proxy; default false)
 * @param maxBaseUrls how many distinct base URLs get a render cache (default 8)
 * @param renderCacheBytes how many rendered bytes may be cached (default half the max heap)
 * @param maxRequestLineBytes the longest request line accepted; longer ones get 414, as at
 *     Cloudflare (default 16384)
 * @param initialFaults fault rules in force from the start
 */
public record DoubleConfig(
    Path dataDir,
    String host,
    int port,
    boolean adminEnabled,
    String adminHost,
    String adminToken,
    int eventLoops,
    Long faultSeed,
    MissingEncounters missingEncounters,
    boolean trustForwardedHeaders,
    int maxBaseUrls,
    long renderCacheBytes,
    int maxRequestLineBytes,
    List<FaultRule> initialFaults) {

  /** The default port. */
  public static final int DEFAULT_PORT = 8080;

  /** Validates the values. */
  public DoubleConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(missingEncounters, "missingEncounters");
    Objects.requireNonNull(adminHost, "adminHost");
    AdminReach.of(adminHost);
    if (adminToken != null && adminToken.isBlank()) {
      throw new IllegalArgumentException("adminToken cannot be blank (leave it unset for none)");
    }
    initialFaults = List.copyOf(initialFaults);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
    }
    if (eventLoops < 1) {
      throw new IllegalArgumentException("eventLoops must be at least 1");
    }
    if (maxBaseUrls < 1) {
      throw new IllegalArgumentException("maxBaseUrls must be at least 1");
    }
    if (renderCacheBytes < 0) {
      throw new IllegalArgumentException("renderCacheBytes cannot be negative");
    }
    if (maxRequestLineBytes < 256) {
      throw new IllegalArgumentException("maxRequestLineBytes must be at least 256");
    }
  }

  /** This configuration, with the admin token masked. */
  @Override
  public String toString() {
    return "DoubleConfig[dataDir=%s, host=%s, port=%d, adminEnabled=%s, adminHost=%s, adminToken=%s,"
            .formatted(
                dataDir, host, port, adminEnabled, adminHost, adminToken == null ? "none" : "****")
        + " eventLoops=%d, faultSeed=%s, missingEncounters=%s, trustForwardedHeaders=%s,"
            .formatted(eventLoops, faultSeed, missingEncounters, trustForwardedHeaders)
        + " maxBaseUrls=%d, renderCacheBytes=%d, maxRequestLineBytes=%d, initialFaults=%s]"
            .formatted(maxBaseUrls, renderCacheBytes, maxRequestLineBytes, initialFaults);
  }

  /** A builder with every default, serving {@code dataDir}. */
  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(dataDir)
        .host(host)
        .port(port)
        .adminEnabled(adminEnabled)
        .adminHost(adminHost)
        .adminToken(adminToken)
        .eventLoops(eventLoops)
        .faultSeed(faultSeed)
        .missingEncounters(missingEncounters)
        .trustForwardedHeaders(trustForwardedHeaders)
        .maxBaseUrls(maxBaseUrls)
        .renderCacheBytes(renderCacheBytes)
        .maxRequestLineBytes(maxRequestLineBytes)
        .initialFaults(initialFaults);
  }

  /** Builds a {@link DoubleConfig}. */
  public static final class Builder {
    private Path dataDir;
    private String host = "0.0.0.0";
    private int port = DEFAULT_PORT;
    private boolean adminEnabled;
    private String adminHost = "127.0.0.1";
    private String adminToken;
    private int eventLoops = Runtime.getRuntime().availableProcessors();
    private Long faultSeed;
    private MissingEncounters missingEncounters = MissingEncounters.EMPTY_LIST;
    private boolean trustForwardedHeaders;
    private int maxBaseUrls = 8;
    private long renderCacheBytes = Runtime.getRuntime().maxMemory() / 2;
    private int maxRequestLineBytes = 16384;
    private List<FaultRule> initialFaults = List.of();

    private Builder(Path dataDir) {
      this.dataDir = dataDir;
    }

    /** See {@link DoubleConfig#dataDir()}. */
    public Builder dataDir(Path value) {
      dataDir = value;
      return this;
    }

    /** See {@link DoubleConfig#host()}. */
    public Builder host(String value) {
      host = value;
      return this;
    }

    /** See {@link DoubleConfig#port()}. */
    public Builder port(int value) {
      port = value;
      return this;
    }

    /** See {@link DoubleConfig#adminEnabled()}. */
    public Builder adminEnabled(boolean value) {
      adminEnabled = value;
      return this;
    }

    /** See {@link DoubleConfig#adminHost()}. */
    public Builder adminHost(String value) {
      adminHost = value;
      return this;
    }

    /** See {@link DoubleConfig#adminToken()}. */
    public Builder adminToken(String value) {
      adminToken = value;
      return this;
    }

    /** See {@link DoubleConfig#eventLoops()}. */
    public Builder eventLoops(int value) {
      eventLoops = value;
      return this;
    }

    /** See {@link DoubleConfig#faultSeed()}. */
    public Builder faultSeed(Long value) {
      faultSeed = value;
      return this;
    }

    /** See {@link DoubleConfig#missingEncounters()}. */
    public Builder missingEncounters(MissingEncounters value) {
      missingEncounters = value;
      return this;
    }

    /** See {@link DoubleConfig#trustForwardedHeaders()}. */
    public Builder trustForwardedHeaders(boolean value) {
      trustForwardedHeaders = value;
      return this;
    }

    /** See {@link DoubleConfig#maxBaseUrls()}. */
    public Builder maxBaseUrls(int value) {
      maxBaseUrls = value;
      return this;
    }

    /** See {@link DoubleConfig#renderCacheBytes()}. */
    public Builder renderCacheBytes(long value) {
      renderCacheBytes = value;
      return this;
    }

    /** See {@link DoubleConfig#maxRequestLineBytes()}. */
    public Builder maxRequestLineBytes(int value) {
      maxRequestLineBytes = value;
      return this;
    }

    /** See {@link DoubleConfig#initialFaults()}. */
    public Builder initialFaults(List<FaultRule> value) {
      initialFaults = value;
      return this;
    }

    /** The configuration. */
    public DoubleConfig build() {
      return new DoubleConfig(
          dataDir,
          host,
          port,
          adminEnabled,
          adminHost,
          adminToken,
          eventLoops,
          faultSeed,
          missingEncounters,
          trustForwardedHeaders,
          maxBaseUrls,
          renderCacheBytes,
          maxRequestLineBytes,
          initialFaults);
    }
  }
}
