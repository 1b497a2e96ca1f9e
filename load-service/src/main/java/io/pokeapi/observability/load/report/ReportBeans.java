package io.pokeapi.observability.load.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The HTML renderer, built once (it holds the template and Chart.js). */
public class ReportBeans {

  @Produces
  @Singleton
  HtmlReport htmlReport(ObjectMapper mapper) {
    return new HtmlReport(mapper);
  }
}
