package io.pokeapi.observability.probe.logging;

import io.pokeapi.observability.probe.config.ProbeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets before text reaches a log or an event: the values of query parameters that look
 * like credentials ({@code token}, {@code password}, {@code api_key}, {@code secret}, ...), the
 * password of a URL's user info, {@code Bearer} credentials, and the configured API token wherever
 * it appears.
 */
@ApplicationScoped
public class SecretMasker {

  /** What a masked value is replaced with. */
  public static final String MASK = "***";

  private static final Pattern SECRET_PARAMETER =
      Pattern.compile(
          "(?i)([?&;](?:[a-z0-9_.-]*(?:token|password|passwd|pwd|secret|api[_-]?key|apikey"
              + "|access[_-]?key|credential|auth)[a-z0-9_.-]*)=)([^&#\\s\"']*)");
  private static final Pattern USER_INFO =
      Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:)([^@/\\s]+)(@)");
  private static final Pattern BEARER = Pattern.compile("(?i)(\\bbearer\\s+)([^\\s\"',]+)");

  private final Optional<String> apiToken;

  @Inject
  public SecretMasker(ProbeConfig config) {
    this(config.api().token());
  }

  SecretMasker(Optional<String> apiToken) {
    this.apiToken = apiToken.filter(t -> !t.isBlank());
  }

  /** {@code text} with every secret replaced by {@value #MASK}; {@code null} stays {@code null}. */
  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = replace(SECRET_PARAMETER, text);
    out = replace(USER_INFO, out);
    out = replace(BEARER, out);
    if (apiToken.isPresent()) {
      out = out.replace(apiToken.get(), MASK);
    }
    return out;
  }

  private static String replace(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    do {
      String tail = m.groupCount() >= 3 ? m.group(3) : "";
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + MASK + tail));
    } while (m.find());
    m.appendTail(sb);
    return sb.toString();
  }
}
