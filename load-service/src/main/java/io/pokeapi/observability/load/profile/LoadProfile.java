package io.pokeapi.observability.load.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A load profile as clients write it (see the README's "Profiles"). Every field is optional in the
 * type; {@link ProfileValidator} says which ones a model needs and {@link LoadPlan#of} turns a
 * valid profile into what the engine runs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoadProfile(
    String name,
    LoadModel model,
    String baseUrl,
    List<RequestSpec> requests,
    Integer startUsers,
    Integer users,
    Double startRate,
    Double rate,
    List<Stage> stages,
    @JsonDeserialize(using = DurationText.Reader.class)
        @JsonSerialize(using = DurationText.Writer.class)
        Duration duration,
    ThinkTime thinkTime,
    Integer maxConnections,
    Integer maxInFlight,
    Integer connections,
    @JsonDeserialize(using = DurationText.Reader.class)
        @JsonSerialize(using = DurationText.Writer.class)
        Duration warmup,
    @JsonDeserialize(using = DurationText.Reader.class)
        @JsonSerialize(using = DurationText.Writer.class)
        Duration timeout,
    Map<String, String> headers,
    Checks checks) {

  /** This profile aimed at another base URL. */
  public LoadProfile withBaseUrl(String otherBaseUrl) {
    return new LoadProfile(
        name,
        model,
        otherBaseUrl,
        requests,
        startUsers,
        users,
        startRate,
        rate,
        stages,
        duration,
        thinkTime,
        maxConnections,
        maxInFlight,
        connections,
        warmup,
        timeout,
        headers,
        checks);
  }

  /** This profile under another name. */
  public LoadProfile withName(String otherName) {
    return new LoadProfile(
        otherName,
        model,
        baseUrl,
        requests,
        startUsers,
        users,
        startRate,
        rate,
        stages,
        duration,
        thinkTime,
        maxConnections,
        maxInFlight,
        connections,
        warmup,
        timeout,
        headers,
        checks);
  }

  /** A builder, for presets and tests. */
  public static Builder builder(LoadModel model) {
    return new Builder(model);
  }

  /** Builds profiles field by field. */
  public static final class Builder {
    private String name;
    private final LoadModel model;
    private String baseUrl;
    private List<RequestSpec> requests = List.of();
    private Integer startUsers;
    private Integer users;
    private Double startRate;
    private Double rate;
    private List<Stage> stages;
    private Duration duration;
    private ThinkTime thinkTime;
    private Integer maxConnections;
    private Integer maxInFlight;
    private Integer connections;
    private Duration warmup;
    private Duration timeout;
    private Map<String, String> headers;
    private Checks checks;

    private Builder(LoadModel model) {
      this.model = model;
    }

    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder baseUrl(String value) {
      baseUrl = value;
      return this;
    }

    public Builder requests(RequestSpec... value) {
      requests = List.of(value);
      return this;
    }

    public Builder startUsers(int value) {
      startUsers = value;
      return this;
    }

    public Builder users(int value) {
      users = value;
      return this;
    }

    public Builder startRate(double value) {
      startRate = value;
      return this;
    }

    public Builder rate(double value) {
      rate = value;
      return this;
    }

    public Builder stages(Stage... value) {
      stages = List.of(value);
      return this;
    }

    public Builder duration(Duration value) {
      duration = value;
      return this;
    }

    public Builder thinkTime(Duration min, Duration max) {
      thinkTime = new ThinkTime(min, max);
      return this;
    }

    public Builder maxConnections(int value) {
      maxConnections = value;
      return this;
    }

    public Builder maxInFlight(int value) {
      maxInFlight = value;
      return this;
    }

    public Builder connections(int value) {
      connections = value;
      return this;
    }

    public Builder warmup(Duration value) {
      warmup = value;
      return this;
    }

    public Builder timeout(Duration value) {
      timeout = value;
      return this;
    }

    public Builder headers(Map<String, String> value) {
      headers = value;
      return this;
    }

    public Builder checks(Checks value) {
      checks = value;
      return this;
    }

    public LoadProfile build() {
      return new LoadProfile(
          name,
          model,
          baseUrl,
          requests,
          startUsers,
          users,
          startRate,
          rate,
          stages,
          duration,
          thinkTime,
          maxConnections,
          maxInFlight,
          connections,
          warmup,
          timeout,
          headers,
          checks);
    }
  }
}
