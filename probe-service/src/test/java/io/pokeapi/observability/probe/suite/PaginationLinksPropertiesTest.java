package io.pokeapi.observability.probe.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pokeapi.observability.pokeapidouble.live.PageRequest;
import io.pokeapi.observability.probe.run.CheckFailed;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The page checks against an independent model of the live API's paging: the double's {@code
 * PageRequest}, written from PokéAPI's deploy function. Every page that function would serve
 * passes; the same page with a wrong link or size fails.
 */
class PaginationLinksPropertiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "https://pokeapi.co";
  private static final String PATH = "/api/v2/type/";

  /** The page the live function serves for offset and limit over {@code count} items. */
  static ObjectNode livePage(int count, int offset, int limit) {
    PageRequest request = new PageRequest(offset, limit);
    ObjectNode page = JSON.createObjectNode();
    page.put("count", count);
    PageRequest next = request.next(count);
    PageRequest previous = request.previous();
    if (next == null) {
      page.putNull("next");
    } else {
      page.put("next", next.url(BASE, PATH));
    }
    if (previous == null) {
      page.putNull("previous");
    } else {
      page.put("previous", previous.url(BASE, PATH));
    }
    ArrayNode results = page.putArray("results");
    for (int i = request.sliceStart(count); i < request.sliceEnd(count); i++) {
      results.addObject().put("name", "t" + i).put("url", "/api/v2/type/" + (i + 1) + "/");
    }
    return page;
  }

  @Property(tries = 400)
  void everyPageTheLiveFunctionServesPasses(
      @ForAll @IntRange(min = 0, max = 300) int count,
      @ForAll @IntRange(min = 1, max = 120) int limit,
      @ForAll @IntRange(min = 0, max = 340) int offset) {
    ObjectNode page = livePage(count, offset, limit);

    assertThat(PaginationChecks.verifyPage(page, "type", offset, limit, (long) count))
        .isEqualTo(count);
  }

  @Property(tries = 300)
  void aNextLinkOffByOneFails(
      @ForAll @IntRange(min = 2, max = 300) int count,
      @ForAll @IntRange(min = 1, max = 120) int limit,
      @ForAll @IntRange(min = 0, max = 300) int offset,
      @ForAll boolean shiftOffset) {
    ObjectNode page = livePage(count, offset, limit);
    Assume.that(!page.get("next").isNull());
    PageRequest next = new PageRequest(offset, limit).next(count);
    PageRequest wrong =
        shiftOffset
            ? new PageRequest(next.offset() + 1, next.limit())
            : new PageRequest(next.offset(), next.limit() + 1);
    page.put("next", wrong.url(BASE, PATH));

    assertThatThrownBy(() -> PaginationChecks.verifyPage(page, "type", offset, limit, (long) count))
        .isInstanceOf(CheckFailed.class)
        .satisfies(
            e ->
                assertThat(((CheckFailed) e).assertions())
                    .extracting(a -> a.path())
                    .contains("/next"));
  }

  @Property(tries = 300)
  void aPageMissingAnItemFails(
      @ForAll @IntRange(min = 1, max = 300) int count,
      @ForAll @IntRange(min = 1, max = 120) int limit,
      @ForAll @IntRange(min = 0, max = 299) int offset) {
    Assume.that(offset < count);
    ObjectNode page = livePage(count, offset, limit);
    ((ArrayNode) page.get("results")).remove(0);

    assertThatThrownBy(() -> PaginationChecks.verifyPage(page, "type", offset, limit, (long) count))
        .isInstanceOf(CheckFailed.class)
        .satisfies(
            e ->
                assertThat(((CheckFailed) e).assertions())
                    .extracting(a -> a.path())
                    .contains("/results"));
  }
}
