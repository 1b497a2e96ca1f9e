package io.pokeapi.observability.reporter.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tags every meter with {@code application=<quarkus.application.name>}, so that dashboards and
 * alerts can tell the services apart whatever the scrape job calls them.
 */
@Singleton
public class ApplicationMetricTags {

  @Produces
  @Singleton
  MeterFilter applicationTag(
      @ConfigProperty(name = "quarkus.application.name") String application) {
    return MeterFilter.commonTags(Tags.of("application", application));
  }
}
