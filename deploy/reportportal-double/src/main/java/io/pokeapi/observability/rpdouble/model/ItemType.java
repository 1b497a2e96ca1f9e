package io.pokeapi.observability.rpdouble.model;

import java.util.Locale;

/**
 * The item types the server accepts (service-api {@code StartTestItemRQ} {@code @In(allowedValues =
 * ...)}, levels from {@code TestItemTypeEnum}: SUITE and STORY above TEST and SCENARIO above STEP;
 * the before/after fixtures sit at the test or step level).
 */
public enum ItemType {
  SUITE(3),
  STORY(3),
  TEST(2),
  SCENARIO(2),
  STEP(1),
  BEFORE_CLASS(1),
  BEFORE_GROUPS(1),
  BEFORE_METHOD(1),
  BEFORE_SUITE(2),
  BEFORE_TEST(1),
  AFTER_CLASS(1),
  AFTER_GROUPS(1),
  AFTER_METHOD(1),
  AFTER_SUITE(2),
  AFTER_TEST(1);

  private final int level;

  ItemType(int level) {
    this.level = level;
  }

  /** Whether this type sits above STEP (the server's {@code higherThan(STEP)}). */
  public boolean aboveStep() {
    return level > 1;
  }

  /** The type named {@code value} in any case, or {@code null}. */
  public static ItemType parse(String value) {
    if (value == null) {
      return null;
    }
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
