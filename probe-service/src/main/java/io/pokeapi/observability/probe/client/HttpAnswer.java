package io.pokeapi.observability.probe.client;

import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.ResponseHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What the API answered to one attempt.
 *
 * @param status the HTTP status; {@code 200} when a 304 let the probe reuse its cached body
 * @param headers the headers QA engineers look at
 * @param retryAfter the {@code Retry-After} header as received, or {@code null}
 * @param cfMitigated the {@code cf-mitigated} header (Cloudflare's block marker), or {@code null}
 * @param content the raw body (the cached one after a 304, inflated on first use), never {@code
 *     null}
 * @param notModified whether the wire status was 304 and the body came from the ETag cache
 * @param bodySha256 lower-case hex SHA-256 of {@code body}: computed once per received body (the
 *     capture's hash and the key of remembered verdicts), kept with the ETag cache's copy so that a
 *     304 costs no hashing
 */
public record HttpAnswer(
    int status,
    ResponseHeaders headers,
    String retryAfter,
    String cfMitigated,
    AnswerBody content,
    boolean notModified,
    String bodySha256) {

  public HttpAnswer {
    headers = headers == null ? ResponseHeaders.NONE : headers;
    content = content == null ? AnswerBody.of(null) : content;
    bodySha256 = bodySha256 == null ? ApiResponseCaptured.sha256Hex(content.bytes()) : bodySha256;
  }

  /** An answer whose body is hashed here. */
  public HttpAnswer(
      int status,
      ResponseHeaders headers,
      String retryAfter,
      String cfMitigated,
      byte[] body,
      boolean notModified) {
    this(status, headers, retryAfter, cfMitigated, AnswerBody.of(body), notModified, null);
  }

  /** The raw body (for a 304, the cached body, inflated now if it was not yet); never null. */
  public byte[] body() {
    return content.bytes();
  }

  /** The body's length in bytes, known without inflating a cached body. */
  public int bodyLength() {
    return content.length();
  }

  /** The status that went over the wire (304 for a reused body). */
  public int wireStatus() {
    return notModified ? 304 : status;
  }

  /** Whether the edge blocked the client: 403 with {@code cf-mitigated}. */
  public boolean blocked() {
    return status == 403 && cfMitigated != null;
  }

  /** Whether the Content-Type says JSON. */
  public boolean jsonContentType() {
    String type = headers.contentType();
    return type != null && type.toLowerCase(Locale.ROOT).contains("json");
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body(), StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpAnswer other
        && status == other.status
        && notModified == other.notModified
        && Objects.equals(headers, other.headers)
        && Arrays.equals(body(), other.body());
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, notModified, headers, Arrays.hashCode(body()));
  }

  @Override
  public String toString() {
    return "HttpAnswer[status=" + wireStatus() + ", bytes=" + bodyLength() + "]";
  }
}
