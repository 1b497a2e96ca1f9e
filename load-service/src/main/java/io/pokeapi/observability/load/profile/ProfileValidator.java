package io.pokeapi.observability.load.profile;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a profile against the rules of the README's "Profiles" and names every field at fault the
 * way the client wrote it, so that a bad profile gets one 400 listing all its problems.
 */
public final class ProfileValidator {

  /** Most entries in a profile's request mix (each is a metrics label at most). */
  public static final int MAX_REQUESTS = 32;

  /** Most ids one entry may expand to (one prepared request each). */
  public static final int MAX_IDS = 100_000;

  /** Most users or connections of one run. */
  public static final int MAX_USERS = 100_000;

  /** Highest arrival rate of one run, requests/s. */
  public static final double MAX_RATE = 1_000_000;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration MAX_WARMUP = Duration.ofHours(1);

  private final Duration maxDuration;

  /**
   * @param maxDuration the longest run accepted, warm-up and stages together
   */
  public ProfileValidator(Duration maxDuration) {
    this.maxDuration = maxDuration;
  }

  /**
   * Every violation of the profile, empty when it can run.
   *
   * @param prefix prepended to every field name, e.g. {@code profile.}
   * @param baseUrlField the name of the field the base URL came from
   */
  public List<FieldViolation> validate(LoadProfile p, String prefix, String baseUrlField) {
    List<FieldViolation> out = new ArrayList<>();
    if (p == null) {
      out.add(new FieldViolation(prefix.isEmpty() ? "profile" : strip(prefix), "is required"));
      return out;
    }
    if (p.name() != null && !LABEL.matcher(p.name()).matches()) {
      out.add(v(prefix + "name", "must be 1 to 64 letters, digits or _.:-"));
    }
    checkBaseUrl(p.baseUrl(), baseUrlField, out);
    checkRequests(p.requests(), prefix, out);
    if (p.model() == null) {
      out.add(v(prefix + "model", "is required: one of closed, open, fixed-connections"));
    } else {
      switch (p.model()) {
        case CLOSED -> checkClosed(p, prefix, out);
        case OPEN -> checkOpen(p, prefix, out);
        case FIXED_CONNECTIONS -> checkFixed(p, prefix, out);
      }
    }
    checkDuration(p.warmup(), prefix + "warmup", Duration.ZERO, MAX_WARMUP, true, out);
    checkDuration(p.timeout(), prefix + "timeout", Duration.ofMillis(1), MAX_TIMEOUT, true, out);
    if (p.headers() != null) {
      for (Map.Entry<String, String> header : p.headers().entrySet()) {
        if (!HEADER.matcher(header.getKey()).matches()) {
          out.add(v(prefix + "headers." + header.getKey(), "is not a valid header name"));
        } else if (header.getValue() == null
            || header.getValue().indexOf('\r') >= 0
            || header.getValue().indexOf('\n') >= 0) {
          out.add(v(prefix + "headers." + header.getKey(), "must be one line of text"));
        }
      }
    }
    if (p.checks() != null) {
      List<Integer> statuses = p.checks().status();
      if (statuses != null) {
        for (int i = 0; i < statuses.size(); i++) {
          Integer status = statuses.get(i);
          if (status == null || status < 100 || status > 599) {
            out.add(v(prefix + "checks.status[" + i + "]", "must be an HTTP status 100 to 599"));
          }
        }
      }
      String text = p.checks().bodyContains();
      if (text != null && (text.isEmpty() || text.length() > 1024)) {
        out.add(v(prefix + "checks.bodyContains", "must be 1 to 1024 characters"));
      }
    }
    if (out.isEmpty() && p.model() != null) {
      Duration total = totalDuration(p);
      if (total.compareTo(maxDuration) > 0) {
        out.add(
            v(
                prefix + (p.stages() != null ? "stages" : "duration"),
                "the run would last "
                    + DurationText.format(total)
                    + " with its warm-up, longer than the limit of "
                    + DurationText.format(maxDuration)
                    + " (load.limits.max-duration)"));
      }
    }
    return out;
  }

  /** Warm-up plus stages (or the duration). */
  static Duration totalDuration(LoadProfile p) {
    Duration total = p.warmup() == null ? Duration.ZERO : p.warmup();
    if (p.stages() != null) {
      for (Stage stage : p.stages()) {
        total = total.plus(stage.duration());
      }
    } else if (p.duration() != null) {
      total = total.plus(p.duration());
    }
    return total;
  }

  private static void checkBaseUrl(String baseUrl, String field, List<FieldViolation> out) {
    if (baseUrl == null || baseUrl.isBlank()) {
      out.add(v(field, "is required: the http:// or https:// URL every path is appended to"));
      return;
    }
    try {
      URI uri = new URI(baseUrl);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        out.add(v(field, "must be an http:// or https:// URL"));
      } else if (uri.getHost() == null || uri.getHost().isBlank()) {
        out.add(v(field, "has no host"));
      } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        out.add(v(field, "must not have a query or fragment"));
      }
    } catch (URISyntaxException e) {
      out.add(v(field, "is not a URL: " + e.getReason()));
    }
  }

  private static void checkRequests(
      List<RequestSpec> requests, String prefix, List<FieldViolation> out) {
    if (requests == null || requests.isEmpty()) {
      out.add(v(prefix + "requests", "needs at least one entry with a path"));
      return;
    }
    if (requests.size() > MAX_REQUESTS) {
      out.add(v(prefix + "requests", "has more than " + MAX_REQUESTS + " entries"));
    }
    for (int i = 0; i < requests.size(); i++) {
      String at = prefix + "requests[" + i + "]";
      RequestSpec r = requests.get(i);
      if (r == null) {
        out.add(v(at, "must not be null"));
        continue;
      }
      if (r.path() == null || !r.path().startsWith("/")) {
        out.add(v(at + ".path", "is required and must start with /"));
      } else if (r.path().chars().anyMatch(c -> c <= ' ' || c == '#' || c > 126)) {
        out.add(v(at + ".path", "must be printable ASCII without spaces or #"));
      } else {
        boolean placeholder = r.path().contains("{id}");
        if (placeholder && r.idRange() == null && r.ids() == null) {
          out.add(v(at + ".idRange", "or ids is required: the path holds {id}"));
        }
        if (!placeholder && (r.idRange() != null || r.ids() != null)) {
          out.add(v(at + ".path", "has no {id} for the ids to go into"));
        }
        if (r.idRange() != null && r.ids() != null) {
          out.add(v(at + ".ids", "cannot be given together with idRange"));
        }
      }
      if (r.weight() != null && (r.weight() < 1 || r.weight() > 1000)) {
        out.add(v(at + ".weight", "must be 1 to 1000"));
      }
      if (r.idRange() != null) {
        Long from = r.idRange().from();
        Long to = r.idRange().to();
        if (from == null || to == null) {
          out.add(v(at + ".idRange", "needs from and to"));
        } else if (from < 0 || to < from) {
          out.add(v(at + ".idRange", "needs 0 <= from <= to"));
        } else if (to - from + 1 > MAX_IDS) {
          out.add(v(at + ".idRange", "spans more than " + MAX_IDS + " ids"));
        }
      }
      if (r.ids() != null) {
        if (r.ids().isEmpty() || r.ids().size() > MAX_IDS) {
          out.add(v(at + ".ids", "must hold 1 to " + MAX_IDS + " ids"));
        }
        for (int k = 0; k < r.ids().size(); k++) {
          String id = r.ids().get(k);
          if (id == null || !ID.matcher(id).matches()) {
            out.add(v(at + ".ids[" + k + "]", "must be 1 to 100 letters, digits or _.-"));
            break;
          }
        }
      }
      if (r.endpoint() != null && !LABEL.matcher(r.endpoint()).matches()) {
        out.add(v(at + ".endpoint", "must be 1 to 64 letters, digits or _.:-"));
      }
    }
  }

  private void checkClosed(LoadProfile p, String prefix, List<FieldViolation> out) {
    notFor(p.startRate(), prefix + "startRate", "open", out);
    notFor(p.rate(), prefix + "rate", "open", out);
    notFor(p.connections(), prefix + "connections", "fixed-connections", out);
    notFor(p.maxInFlight(), prefix + "maxInFlight", "open", out);
    if (p.users() != null || p.stages() == null) {
      if (p.stages() != null) {
        out.add(v(prefix + "users", "cannot be given together with stages"));
      } else {
        checkCount(p.users(), prefix + "users", 1, MAX_USERS, "the number of users", out);
        checkDuration(p.duration(), prefix + "duration", Duration.ofMillis(1), null, false, out);
      }
      if (p.startUsers() != null) {
        out.add(v(prefix + "startUsers", "goes with stages, not with users"));
      }
    } else {
      if (p.duration() != null) {
        out.add(v(prefix + "duration", "cannot be given together with stages"));
      }
      if (p.startUsers() != null && (p.startUsers() < 0 || p.startUsers() > MAX_USERS)) {
        out.add(v(prefix + "startUsers", "must be 0 to " + MAX_USERS));
      }
      checkStages(p.stages(), prefix, MAX_USERS, true, out);
    }
    if (p.thinkTime() != null) {
      Duration min = p.thinkTime().min();
      Duration max = p.thinkTime().max();
      if (min == null || max == null) {
        out.add(v(prefix + "thinkTime", "needs min and max"));
      } else if (min.isNegative() || max.compareTo(min) < 0) {
        out.add(v(prefix + "thinkTime", "needs 0 <= min <= max"));
      } else if (max.compareTo(Duration.ofHours(1)) > 0) {
        out.add(v(prefix + "thinkTime.max", "must be at most 1h"));
      }
    }
    if (p.maxConnections() != null) {
      checkCount(p.maxConnections(), prefix + "maxConnections", 1, MAX_USERS, "connections", out);
    }
  }

  private void checkOpen(LoadProfile p, String prefix, List<FieldViolation> out) {
    notFor(p.startUsers(), prefix + "startUsers", "closed", out);
    notFor(p.users(), prefix + "users", "closed", out);
    notFor(p.thinkTime(), prefix + "thinkTime", "closed", out);
    notFor(p.connections(), prefix + "connections", "fixed-connections", out);
    if (p.rate() != null || p.stages() == null) {
      if (p.stages() != null) {
        out.add(v(prefix + "rate", "cannot be given together with stages"));
      } else if (p.rate() == null || !(p.rate() > 0) || p.rate() > MAX_RATE) {
        out.add(
            v(prefix + "rate", "is required: requests/s above 0 and at most " + (long) MAX_RATE));
      }
      if (p.stages() == null) {
        checkDuration(p.duration(), prefix + "duration", Duration.ofMillis(1), null, false, out);
      }
      if (p.startRate() != null) {
        out.add(v(prefix + "startRate", "goes with stages, not with rate"));
      }
    } else {
      if (p.duration() != null) {
        out.add(v(prefix + "duration", "cannot be given together with stages"));
      }
      if (p.startRate() != null && (p.startRate() < 0 || p.startRate() > MAX_RATE)) {
        out.add(v(prefix + "startRate", "must be 0 to " + (long) MAX_RATE));
      }
      checkStages(p.stages(), prefix, MAX_RATE, false, out);
      if (out.isEmpty()
          && p.stages().stream().allMatch(s -> s.target() == 0)
          && (p.startRate() == null || p.startRate() == 0)) {
        out.add(v(prefix + "stages", "never send anything: every rate is 0"));
      }
    }
    if (p.maxConnections() != null) {
      checkCount(p.maxConnections(), prefix + "maxConnections", 1, MAX_USERS, "connections", out);
    }
    if (p.maxInFlight() != null) {
      checkCount(p.maxInFlight(), prefix + "maxInFlight", 1, 1_000_000, "requests", out);
    }
  }

  private void checkFixed(LoadProfile p, String prefix, List<FieldViolation> out) {
    notFor(p.startUsers(), prefix + "startUsers", "closed", out);
    notFor(p.users(), prefix + "users", "closed", out);
    notFor(p.thinkTime(), prefix + "thinkTime", "closed", out);
    notFor(p.startRate(), prefix + "startRate", "open", out);
    notFor(p.rate(), prefix + "rate", "open", out);
    notFor(p.maxInFlight(), prefix + "maxInFlight", "open", out);
    notFor(p.maxConnections(), prefix + "maxConnections", "open and closed", out);
    if (p.stages() != null) {
      out.add(v(prefix + "stages", "are not for fixed-connections: give connections and duration"));
    }
    checkCount(p.connections(), prefix + "connections", 1, MAX_USERS, "connections", out);
    checkDuration(p.duration(), prefix + "duration", Duration.ofMillis(1), null, false, out);
  }

  private static void checkStages(
      List<Stage> stages,
      String prefix,
      double maxTarget,
      boolean whole,
      List<FieldViolation> out) {
    if (stages.isEmpty()) {
      out.add(v(prefix + "stages", "needs at least one stage"));
      return;
    }
    if (stages.size() > 1000) {
      out.add(v(prefix + "stages", "has more than 1000 stages"));
      return;
    }
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      String at = prefix + "stages[" + i + "]";
      if (stage == null) {
        out.add(v(at, "must not be null"));
        continue;
      }
      checkDuration(stage.duration(), at + ".duration", Duration.ofMillis(1), null, false, out);
      Double target = stage.target();
      if (target == null || target < 0 || target > maxTarget || target.isNaN()) {
        out.add(v(at + ".target", "is required: 0 to " + (long) maxTarget));
      } else if (whole && target != Math.floor(target)) {
        out.add(v(at + ".target", "must be a whole number of users"));
      }
    }
  }

  private static void checkDuration(
      Duration d,
      String field,
      Duration min,
      Duration max,
      boolean optional,
      List<FieldViolation> out) {
    if (d == null) {
      if (!optional) {
        out.add(v(field, "is required, e.g. \"30s\""));
      }
      return;
    }
    if (d.compareTo(min) < 0) {
      out.add(v(field, "must be at least " + DurationText.format(min)));
    } else if (max != null && d.compareTo(max) > 0) {
      out.add(v(field, "must be at most " + DurationText.format(max)));
    }
  }

  private static void checkCount(
      Integer value, String field, int min, int max, String what, List<FieldViolation> out) {
    if (value == null) {
      out.add(v(field, "is required: " + what + ", " + min + " to " + max));
    } else if (value < min || value > max) {
      out.add(v(field, "must be " + min + " to " + max));
    }
  }

  private static void notFor(Object value, String field, String model, List<FieldViolation> out) {
    if (value != null) {
      out.add(v(field, "belongs to the " + model + " model"));
    }
  }

  private static String strip(String prefix) {
    return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }

  private static FieldViolation v(String field, String message) {
    return new FieldViolation(field, message);
  }
}
