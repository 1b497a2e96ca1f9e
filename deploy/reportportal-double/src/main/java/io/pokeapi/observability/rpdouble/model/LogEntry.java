package io.pokeapi.observability.rpdouble.model;

import java.time.Instant;

/**
 * One saved log. {@code itemUuid} is {@code null} for a launch-level log; {@code fileName}, {@code
 * fileContentType} and {@code file} are set when the log came with a file in a multipart request.
 */
public record LogEntry(
    String uuid,
    String launchUuid,
    String itemUuid,
    Instant time,
    String level,
    String message,
    String fileName,
    String fileContentType,
    byte[] file) {}
