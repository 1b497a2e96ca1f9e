package io.pokeapi.observability.reporter.portal;

/** Sends calls to ReportPortal; blocking, so never called on a Vert.x event loop. */
public interface ReportPortalGateway {

  /**
   * Sends one call and returns once ReportPortal accepted it.
   *
   * @param maybeDone the same call may have been accepted before without the reporter knowing (it
   *     was in flight when ReportPortal or the reporter went down): check before creating anything
   *     twice
   */
  void send(RpCall call, boolean maybeDone) throws ReportingException;

  /** Whether calls really go to a ReportPortal (false: they are only counted). */
  boolean connected();

  /** Where calls go, for logs and the status endpoint (never the key). */
  String describe();
}
