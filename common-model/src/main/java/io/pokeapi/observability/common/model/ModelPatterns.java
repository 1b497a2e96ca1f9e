package io.pokeapi.observability.common.model;

/** The formats of PokéAPI names and URLs, as regular expressions for {@code @Pattern}. */
public final class ModelPatterns {

  /**
   * The name of a resource itself: lower-case kebab-case ({@code mr-mime}, {@code porygon-z},
   * {@code type-null}).
   */
  public static final String RESOURCE_NAME = "^[a-z0-9]+(-[a-z0-9]+)*$";

  /** Message for {@link #RESOURCE_NAME}. */
  public static final String RESOURCE_NAME_MESSAGE = "must be a lower-case kebab-case name";

  /**
   * The name in a reference to another resource: lower-case kebab-case, also allowing the double
   * hyphen of the Z-move variants ({@code breakneck-blitz--physical}) and of language codes such as
   * {@code ja-hrkt}.
   */
  public static final String REFERENCE_NAME = "^[a-z0-9]+(--?[a-z0-9]+)*$";

  /** Message for {@link #REFERENCE_NAME}. */
  public static final String REFERENCE_NAME_MESSAGE = "must be a lower-case kebab-case name";

  /**
   * The URL of a referenced resource, by id and with a trailing slash: relative in the static data
   * ({@code /api/v2/type/13/}), absolute on the live API ({@code
   * https://pokeapi.co/api/v2/type/13/}).
   */
  public static final String RESOURCE_URL = "^(https?://[^/\\s]+)?/api/v2/[a-z0-9-]+/[0-9]+/$";

  /** Message for {@link #RESOURCE_URL}. */
  public static final String RESOURCE_URL_MESSAGE =
      "must be an API v2 resource URL with an id and a trailing slash";

  /** The URL of a pokemon's encounters: {@code /api/v2/pokemon/25/encounters}, relative or not. */
  public static final String ENCOUNTERS_URL =
      "^(https?://[^/\\s]+)?/api/v2/pokemon/[0-9]+/encounters/?$";

  /** Message for {@link #ENCOUNTERS_URL}. */
  public static final String ENCOUNTERS_URL_MESSAGE = "must be the pokemon's encounters URL";

  /** An absolute http(s) URL of a media file (sprite, cry). */
  public static final String MEDIA_URL = "^https?://[^\\s/]+/\\S*$";

  /** Message for {@link #MEDIA_URL}. */
  public static final String MEDIA_URL_MESSAGE = "must be an absolute http(s) URL";

  private ModelPatterns() {}
}
