package io.pokeapi.observability.reporter.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.Optional;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Replaces the ReportPortal API key with {@value #MASK} in every log line: the message with its
 * parameters, and the messages of an attached exception and its causes (client-java's HTTP logging
 * included). Installed on the console and file handlers as {@code secret-mask}.
 */
@LoggingFilter(name = "secret-mask")
public final class SecretMaskingFilter implements Filter {

  /** What a masked value is replaced with. */
  public static final String MASK = "***";

  private final String secret;

  public SecretMaskingFilter(@ConfigProperty(name = "reporter.rp.api-key") Optional<String> key) {
    this.secret = key.filter(k -> k.length() >= 4).orElse(null);
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    if (secret == null) {
      return true;
    }
    String formatted =
        record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    if (formatted != null && formatted.contains(secret)) {
      if (record instanceof ExtLogRecord ext) {
        ext.setMessage(formatted.replace(secret, MASK), ExtLogRecord.FormatStyle.NO_FORMAT);
      } else {
        record.setMessage(formatted.replace(secret, MASK));
      }
      record.setParameters(null);
    }
    Throwable thrown = record.getThrown();
    if (thrown != null && mentions(thrown)) {
      record.setThrown(masked(thrown));
    }
    return true;
  }

  private boolean mentions(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (String.valueOf(c).contains(secret)) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  private Throwable masked(Throwable t) {
    Throwable cause = t.getCause() == null || t.getCause() == t ? null : masked(t.getCause());
    MaskedThrowable copy =
        new MaskedThrowable(
            t.getClass().getName() + ": " + String.valueOf(t.getMessage()).replace(secret, MASK),
            cause);
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  /** An exception's text with the secret masked, keeping its stack trace. */
  static final class MaskedThrowable extends RuntimeException {
    MaskedThrowable(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}
