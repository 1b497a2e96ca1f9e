package io.pokeapi.observability.common.schema;

/**
 * Builds the paths of {@link SchemaChange}: RFC 6901 JSON Pointers in which the token {@value
 * #ITEMS} stands for every element of an array.
 */
public final class SchemaPaths {

  /** The token for "every element of the array". */
  public static final String ITEMS = "*";

  /** The path of the whole document. */
  public static final String ROOT = "";

  private SchemaPaths() {}

  /** The path of property {@code name} of the objects at {@code parent}. */
  public static String property(String parent, String name) {
    return parent + '/' + escape(name);
  }

  /** The path of the elements of the arrays at {@code parent}. */
  public static String items(String parent) {
    return parent + '/' + ITEMS;
  }

  /**
   * A reference token escaped as RFC 6901 says: {@code ~} as {@code ~0}, {@code /} as {@code ~1}.
   */
  public static String escape(String token) {
    if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
      return token;
    }
    return token.replace("~", "~0").replace("/", "~1");
  }
}
