package io.pokeapi.observability.probe.suite;

import io.pokeapi.observability.probe.client.ApiRequest;
import io.pokeapi.observability.probe.config.LookupTarget;
import io.pokeapi.observability.probe.run.Fetched;
import io.pokeapi.observability.probe.run.RunContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The same resource reached different ways gives the same body: by id and by name; with and without
 * the trailing slash; with the name in mixed case.
 */
@ApplicationScoped
public class LookupConsistencyChecks {

  /** Work items {@link #run} does per target. */
  static final int ITEMS_PER_TARGET = 3;

  public void run(RunContext context, LookupTarget target) throws InterruptedException {
    String endpoint = target.endpoint();
    String base = endpoint + ".lookup";
    Fetched byId = context.fetch(base + ".id-vs-name", ApiRequest.of(target.idPath()));
    Fetched byName = context.fetch(base + ".id-vs-name", ApiRequest.of(target.namePath()));
    context.check(
        base + ".id-vs-name",
        byName,
        () ->
            JsonCompare.same(
                Expect.okJson(byId),
                Expect.okJson(byName),
                target.idPath() + " and " + target.namePath()));
    context.itemDone();

    context.checkCancelled();
    String noSlash = target.idPath().replaceAll("/+$", "");
    Fetched withoutSlash = context.fetch(base + ".trailing-slash", ApiRequest.of(noSlash));
    context.check(
        base + ".trailing-slash",
        withoutSlash,
        () ->
            JsonCompare.same(
                Expect.okJson(byId),
                Expect.okJson(withoutSlash),
                target.idPath() + " and " + noSlash));
    context.itemDone();

    context.checkCancelled();
    String mixed = endpoint + "/" + mixedCase(target.name()) + "/";
    Fetched mixedCase = context.fetch(base + ".mixed-case", ApiRequest.of(mixed));
    context.check(
        base + ".mixed-case",
        mixedCase,
        () ->
            JsonCompare.same(
                Expect.okJson(byName),
                Expect.okJson(mixedCase),
                target.namePath() + " and " + mixed));
    context.itemDone();
  }

  /** {@code pikachu} becomes {@code PiKaChU}: every other letter upper-cased, starting with one. */
  static String mixedCase(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toCharArray()) {
      if (Character.isLetter(c)) {
        out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
        upper = !upper;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
