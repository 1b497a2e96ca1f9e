package io.pokeapi.observability.reporter.portal;

import io.pokeapi.observability.reporter.config.ReporterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Builds the ReportPortal gateway from {@code reporter.rp.*}: client-java when endpoint, project
 * and key are all set; otherwise a counting gateway, announced once at start.
 */
@ApplicationScoped
public class GatewayProducer {

  private static final Logger LOG = Logger.getLogger(GatewayProducer.class);

  @Produces
  @ApplicationScoped
  ReportPortalGateway gateway(ReporterConfig config) {
    ReporterConfig.Portal rp = config.rp();
    Optional<String> endpoint = rp.endpoint().filter(s -> !s.isBlank());
    Optional<String> project = rp.project().filter(s -> !s.isBlank());
    Optional<String> key = rp.apiKey().filter(s -> !s.isBlank());
    if (endpoint.isEmpty() || project.isEmpty() || key.isEmpty()) {
      LOG.warnf(
          "ReportPortal is not configured (missing:%s%s%s): nothing will be sent; the reporter"
              + " keeps consuming and counts what it would have sent (reporter_unsent_total)."
              + " Set REPORTPORTAL_ENDPOINT, REPORTPORTAL_PROJECT and REPORTPORTAL_API_KEY.",
          endpoint.isEmpty() ? " REPORTPORTAL_ENDPOINT" : "",
          project.isEmpty() ? " REPORTPORTAL_PROJECT" : "",
          key.isEmpty() ? " REPORTPORTAL_API_KEY" : "");
      return new CountingGateway();
    }
    ClientJavaGateway gateway =
        new ClientJavaGateway(
            endpoint.get(), project.get(), key.get(), rp.timeout(), rp.async(), rp.httpLogging());
    LOG.infof(
        "Reporting to ReportPortal at %s (%s API, key %s)",
        gateway.describe(), rp.async() ? "async v2" : "v1", key.get());
    return gateway;
  }

  void close(@Disposes ReportPortalGateway gateway) {
    if (gateway instanceof ClientJavaGateway closeable) {
      closeable.close();
    }
  }
}
