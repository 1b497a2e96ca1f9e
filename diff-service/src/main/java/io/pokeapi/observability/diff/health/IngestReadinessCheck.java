package io.pokeapi.observability.diff.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness named {@value #NAME}: whether captures are being stored.
 *
 * <ul>
 *   <li>DOWN while the captures consumer has not been given its partitions by the group (just
 *       started, or a rebalance under way): it stores nothing then, whatever else says UP.
 *   <li>DOWN while the database does not answer: ingestion waits (and resumes by itself).
 *   <li>UP otherwise. Dead letters do not stop the service: they show as {@code deadLetters} and
 *       {@code degraded=true} in the check's data.
 * </ul>
 */
@Readiness
@ApplicationScoped
public class IngestReadinessCheck implements HealthCheck {

  /** The check's name. */
  public static final String NAME = "diff-ingest";

  private final IngestStatus status;

  public IngestReadinessCheck(IngestStatus status) {
    this.status = status;
  }

  @Override
  public HealthCheckResponse call() {
    IngestStatus.Membership membership = status.membership();
    long deadLetters = status.deadLetters();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named(NAME)
            .withData("membership", membership.name().toLowerCase(java.util.Locale.ROOT))
            .withData("partitions", String.join(",", status.partitions()))
            .withData("deadLetters", deadLetters)
            .withData("degraded", deadLetters > 0);
    boolean up = membership == IngestStatus.Membership.ASSIGNED;
    if (status.storeUnavailableSince() != null) {
      up = false;
      response
          .withData("storeUnavailableSince", status.storeUnavailableSince().toString())
          .withData("storeFailure", String.valueOf(status.storeFailure()));
    }
    return response.status(up).build();
  }
}
