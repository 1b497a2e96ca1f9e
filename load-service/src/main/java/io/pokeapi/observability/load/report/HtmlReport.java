package io.pokeapi.observability.load.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Renders a report as one self-contained HTML page: the report's JSON and Chart.js (from the {@code
 * org.webjars.npm:chart.js} webjar on the classpath) are inlined, so the page needs no network,
 * also when saved to a file.
 */
public final class HtmlReport {

  private static final String WEBJAR = "META-INF/resources/webjars/chart.js/";

  private final String template;
  private final String chartJs;
  private final ObjectMapper mapper;

  public HtmlReport(ObjectMapper mapper) {
    this.mapper = mapper;
    this.template = resource("report/load-report.html");
    String version = chartJsVersion();
    this.chartJs =
        resource(WEBJAR + version + "/dist/chart.umd.js")
            .replaceAll("//# sourceMappingURL=\\S+", "")
            .replace("</script", "<\\/script");
  }

  /** The page for a report. */
  public String render(LoadReport report) {
    String json;
    try {
      json = mapper.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
    // inside a script element: no "<" may start a tag; JSON strings accept the \\u003c escape
    String safe = json.replace("<", "\\u003c");
    return template.replace("/*CHARTJS*/", chartJs).replace("/*REPORT*/", safe);
  }

  private static String chartJsVersion() {
    Properties properties = new Properties();
    try (InputStream in =
        HtmlReport.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the chart.js webjar is not on the classpath");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  private static String resource(String path) {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
