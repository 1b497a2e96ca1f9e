package io.pokeapi.observability.reporter.portal;

/** No ReportPortal configured: every call is accepted at once and only counted by the caller. */
public final class CountingGateway implements ReportPortalGateway {

  @Override
  public void send(RpCall call, boolean maybeDone) {
    // nothing to send to
  }

  @Override
  public boolean connected() {
    return false;
  }

  @Override
  public String describe() {
    return "none (counting only)";
  }
}
