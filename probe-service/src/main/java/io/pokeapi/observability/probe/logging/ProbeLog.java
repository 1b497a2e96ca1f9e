package io.pokeapi.observability.probe.logging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Writes one log line per request and one per check. The fields travel in the MDC, so the JSON
 * console format (quarkus-logging-json) shows them as structured {@code mdc} fields: {@code runId},
 * {@code suite}, {@code check}, {@code endpoint}, {@code method}, {@code url}, {@code status},
 * {@code durationMs} and more. URLs and messages pass through {@link SecretMasker}.
 */
@ApplicationScoped
public class ProbeLog {

  private static final Logger REQUESTS = Logger.getLogger("io.pokeapi.observability.probe.request");
  private static final Logger CHECKS = Logger.getLogger("io.pokeapi.observability.probe.check");

  private final SecretMasker masker;

  public ProbeLog(SecretMasker masker) {
    this.masker = masker;
  }

  /** What a log line is about: the run, suite and check, any of which may be {@code null}. */
  public record Context(String runId, String suite, String check) {

    /** No run (for example a request made outside any run). */
    public static final Context NONE = new Context(null, null, null);
  }

  /** One line for one HTTP attempt. */
  public void request(
      Context context,
      String endpoint,
      String method,
      String url,
      int status,
      Duration duration,
      int attempt,
      String failureType,
      String error) {
    Map<String, Object> fields = base(context);
    String maskedUrl = masker.mask(url);
    fields.put("endpoint", endpoint);
    fields.put("method", method);
    fields.put("url", maskedUrl);
    fields.put("status", status);
    fields.put("durationMs", duration.toMillis());
    fields.put("attempt", attempt);
    if (failureType != null) {
      fields.put("failureType", failureType);
    }
    String message =
        method
            + " "
            + maskedUrl
            + " -> "
            + (status == 0 ? "no answer" : status)
            + " in "
            + duration.toMillis()
            + " ms"
            + (error == null ? "" : " (" + masker.mask(error) + ")");
    write(REQUESTS, failureType == null ? Logger.Level.INFO : Logger.Level.WARN, fields, message);
  }

  /** One line for one check result (a first attempt that is final). */
  public void check(
      Context context,
      String endpoint,
      String method,
      String url,
      int status,
      Duration duration,
      String checkStatus,
      String failureType,
      String message) {
    check(
        context,
        endpoint,
        method,
        url,
        status,
        duration,
        checkStatus,
        failureType,
        message,
        1,
        true,
        false);
  }

  /**
   * One line for one attempt of a check: {@code attempt} 1 is the first run, 2 the first rerun;
   * {@code last} whether this attempt decides the check; {@code flaky} whether it passed after a
   * failed attempt of the same run.
   */
  public void check(
      Context context,
      String endpoint,
      String method,
      String url,
      int status,
      Duration duration,
      String checkStatus,
      String failureType,
      String message,
      int attempt,
      boolean last,
      boolean flaky) {
    Map<String, Object> fields = base(context);
    fields.put("attempt", attempt);
    fields.put("final", last);
    if (flaky) {
      fields.put("flaky", true);
    }
    fields.put("endpoint", endpoint);
    fields.put("method", method);
    fields.put("url", masker.mask(url));
    fields.put("status", status);
    fields.put("durationMs", duration.toMillis());
    fields.put("checkStatus", checkStatus);
    if (failureType != null) {
      fields.put("failureType", failureType);
    }
    String line =
        "check "
            + context.check()
            + " "
            + checkStatus
            + (attempt > 1 ? " (attempt " + attempt + ")" : "")
            + (flaky ? " FLAKY: failed, then passed on rerun" : "")
            + (!last ? ", will be re-run" : "")
            + (message == null ? "" : ": " + masker.mask(message));
    write(
        CHECKS,
        failureType == null && !flaky ? Logger.Level.INFO : Logger.Level.WARN,
        fields,
        line);
  }

  private static Map<String, Object> base(Context context) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (context.runId() != null) {
      fields.put("runId", context.runId());
    }
    if (context.suite() != null) {
      fields.put("suite", context.suite());
    }
    if (context.check() != null) {
      fields.put("check", context.check());
    }
    return fields;
  }

  private static void write(
      Logger logger, Logger.Level level, Map<String, Object> fields, String message) {
    if (!logger.isEnabled(level)) {
      return;
    }
    Map<String, Object> previous = MDC.getMap();
    try {
      fields.forEach(
          (k, v) -> {
            if (v != null) {
              MDC.put(k, String.valueOf(v));
            }
          });
      logger.log(level, message);
    } finally {
      fields.keySet().forEach(MDC::remove);
      if (previous != null) {
        previous.forEach(MDC::put);
      }
    }
  }
}
