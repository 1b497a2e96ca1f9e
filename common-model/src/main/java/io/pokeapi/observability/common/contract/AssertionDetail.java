package io.pokeapi.observability.common.contract;

/**
 * One assertion that did not hold (or, for a passed check, one that did, when the check reports
 * them).
 *
 * @param path RFC 6901 JSON Pointer into the body ({@code /stats/0/base_stat}), or a header or
 *     attribute name such as {@code header:ETag}; {@code ""} is the whole body
 * @param expected the expected value as text
 * @param actual the value found, as text; {@code null} when absent
 * @param message a sentence for humans
 */
public record AssertionDetail(String path, String expected, String actual, String message) {}
