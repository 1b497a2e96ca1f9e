package io.pokeapi.observability.pokeapidouble.live;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The two pieces of JavaScript number semantics the live PokéAPI function relies on: {@code
 * parseInt(string)} for the {@code limit} and {@code offset} query parameters, and {@code
 * Number.prototype.toString()} for the numbers it writes back into {@code next}/{@code previous}
 * URLs and JSON bodies. Reproducing them exactly is what makes odd inputs ({@code limit=-1}, {@code
 * limit=0x10}, {@code limit=99999999999999999999}) answer as pokeapi.co does.
 */
public final class JsNumbers {

  private static final double TWO_TO_53 = 9007199254740992d;

  private JsNumbers() {}

  /**
   * {@code parseInt(value)} with no radix: leading JavaScript white space, an optional sign, an
   * optional {@code 0x} prefix, then the longest run of digits; {@code NaN} when there is none.
   */
  public static double parseInt(String value) {
    if (value == null) {
      return Double.NaN;
    }
    int i = 0;
    int n = value.length();
    while (i < n && isJsWhiteSpace(value.charAt(i))) {
      i++;
    }
    double sign = 1;
    if (i < n && (value.charAt(i) == '-' || value.charAt(i) == '+')) {
      sign = value.charAt(i) == '-' ? -1 : 1;
      i++;
    }
    int radix = 10;
    if (i + 1 < n && value.charAt(i) == '0' && (value.charAt(i + 1) | 0x20) == 'x') {
      radix = 16;
      i += 2;
    }
    int start = i;
    while (i < n && isAsciiDigit(value.charAt(i), radix)) {
      i++;
    }
    if (i == start) {
      return Double.NaN;
    }
    String digits = value.substring(start, i);
    double magnitude =
        radix == 10 ? Double.parseDouble(digits) : new BigInteger(digits, 16).doubleValue();
    return sign * magnitude;
  }

  /** {@code parseInt(value) || fallback}: NaN, 0 and -0 fall back. */
  public static double parseIntOr(String value, double fallback) {
    double parsed = parseInt(value);
    return Double.isNaN(parsed) || parsed == 0 ? fallback : parsed;
  }

  /** {@code String(value)} for a JavaScript number. */
  public static String toJsString(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (value == 0) {
      return "0";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value < 0) {
      return "-" + toJsString(-value);
    }
    if (value < TWO_TO_53 && value == Math.rint(value)) {
      return Long.toString((long) value);
    }
    BigDecimal shortest = shortestRoundTrip(value);
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    StringBuilder out = new StringBuilder(k + 8);
    if (k <= n && n <= 21) {
      out.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int exponent = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(exponent >= 0 ? '+' : '-').append(Math.abs(exponent));
    }
    return out.toString();
  }

  /** The decimal with the fewest significant digits that reads back as {@code value}. */
  private static BigDecimal shortestRoundTrip(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == value) {
        return candidate.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  private static boolean isAsciiDigit(char c, int radix) {
    if (c >= '0' && c <= '9') {
      return true;
    }
    char lower = (char) (c | 0x20);
    return radix == 16 && lower >= 'a' && lower <= 'f';
  }

  /** ECMAScript WhiteSpace and LineTerminator code points. */
  static boolean isJsWhiteSpace(char c) {
    return switch (c) {
      case '\t',
          '\n',
          '\u000B',
          '\f',
          '\r',
          ' ',
          '\u00A0',
          '\uFEFF',
          '\u1680',
          '\u2028',
          '\u2029',
          '\u202F',
          '\u205F',
          '\u3000' ->
          true;
      default -> c >= '\u2000' && c <= '\u200A';
    };
  }
}
