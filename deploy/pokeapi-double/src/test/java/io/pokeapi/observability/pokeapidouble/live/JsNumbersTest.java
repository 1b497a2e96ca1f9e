package io.pokeapi.observability.pokeapidouble.live;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** parseInt and Number#toString as JavaScript defines them. */
class JsNumbersTest {

  @ParameterizedTest(name = "parseInt(\"{0}\") = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "20|20",
        "  42abc|42",
        "-7|-7",
        "+3|3",
        "0x1A|26",
        "0X10|16",
        "2.9|2",
        "1e3|1",
        "99999999999999999999|1.0E20",
        "''|NaN",
        "abc|NaN",
        "0x|NaN",
        "-|NaN",
        "\u00a05|5",
        "\u0665|NaN"
      })
  void parseIntReadsAsJavaScriptDoes(String input, double expected) {
    assertThat(Double.valueOf(JsNumbers.parseInt(input))).isEqualTo(Double.valueOf(expected));
  }

  @ParameterizedTest(name = "String({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0|0",
        "-0.0|0",
        "20|20",
        "-1|-1",
        "1.0E20|100000000000000000000",
        "1.0E21|1e+21",
        "1.2345678901234567E19|12345678901234567000",
        "1.5E300|1.5e+300",
        "1.0E-6|0.000001",
        "1.0E-7|1e-7",
        "0.1|0.1",
        "123.456|123.456",
        "Infinity|Infinity",
        "-Infinity|-Infinity",
        "NaN|NaN"
      })
  void toJsStringPrintsAsJavaScriptDoes(double input, String expected) {
    assertThat(JsNumbers.toJsString(input)).isEqualTo(expected);
  }

  @Property(tries = 500)
  void everyPrintedDoubleReadsBackExactly(@ForAll double value) {
    String printed = JsNumbers.toJsString(value);

    if (Double.isNaN(value)) {
      assertThat(printed).isEqualTo("NaN");
    } else if (Double.isInfinite(value)) {
      assertThat(printed).endsWith("Infinity");
    } else {
      assertThat(Double.parseDouble(printed)).isEqualTo(value == 0 ? 0.0 : value);
    }
  }

  @Property(tries = 300)
  void integersPrintAsTheirDigitsAndParseBack(
      @ForAll @LongRange(min = -9007199254740991L, max = 9007199254740991L) long value) {
    assertThat(JsNumbers.toJsString(value)).isEqualTo(Long.toString(value));
    assertThat(JsNumbers.parseInt(Long.toString(value))).isEqualTo((double) value);
  }
}
