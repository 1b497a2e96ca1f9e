package io.pokeapi.observability.common.contract;

/**
 * Evidence attached to a check result, such as the response body of a failed check or a diff. Keep
 * attachments small: the whole record must fit {@link KafkaMessageLimits#MAX_MESSAGE_BYTES}; the
 * full body is already on {@link Topics#API_RESPONSES}.
 *
 * @param name a file-like name, for example {@code response.json}
 * @param contentType a media type, for example {@code application/json}
 * @param content the content as text (base64 for binary content)
 */
public record Attachment(String name, String contentType, String content) {}
