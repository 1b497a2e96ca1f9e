package io.pokeapi.observability.diff;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. Quarkus's HTTP layer would answer a request target that {@link java.net.URI}
 * cannot parse (a malformed %-escape) with a bare 400 before any route runs; with its URI check
 * off, such requests reach the service's own request-line check, which answers them with problem
 * details naming the part at fault. The property must be set before Quarkus's HTTP classes load.
 */
@QuarkusMain
public final class DiffMain {

  /** The system property that turns Quarkus's own URI check off. */
  public static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

  private DiffMain() {}

  public static void main(String... args) {
    if (System.getProperty(DISABLE_URI_VALIDATION) == null) {
      System.setProperty(DISABLE_URI_VALIDATION, "true");
    }
    Quarkus.run(args);
  }
}
