package io.pokeapi.observability.probe.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.contract.AssertionDetail;
import io.pokeapi.observability.common.contract.CheckStatus;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.probe.client.ApiRequest;
import io.pokeapi.observability.probe.run.CheckFailed;
import io.pokeapi.observability.probe.run.CheckSkipped;
import io.pokeapi.observability.probe.run.Fetched;
import io.pokeapi.observability.probe.run.RunContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pagination of a list endpoint: every page has the expected size and well-formed {@code next} and
 * {@code previous} links (absolute URLs of the same list; as the live function computes them, the
 * {@code next} of the second-to-last page and the {@code previous} of a page near the start carry
 * only the remaining {@code limit}); walking all pages gives {@code count} unique items; edge
 * values of {@code limit} and {@code offset} behave as the live API does (a zero or non-numeric
 * limit falls back to the default of 20, there is no maximum, an offset at or past the end gives an
 * empty page).
 */
@ApplicationScoped
public class PaginationChecks {

  /** The page size PokéAPI uses when {@code limit} is missing, zero or not a number. */
  static final int DEFAULT_LIMIT = 20;

  /** Checks one endpoint's pagination with pages of {@code pageSize}. */
  public void run(RunContext context, String endpoint, int pageSize) throws InterruptedException {
    int limit = Math.max(1, pageSize);
    Fetched first =
        context.fetch(endpoint + ".pagination.page", ApiRequest.page(endpoint, 0, limit));
    Long[] count = new Long[1];
    context.check(
        endpoint + ".pagination.page",
        first,
        () -> count[0] = verifyPage(Expect.okJson(first), endpoint, 0, limit, null));
    context.itemDone();
    if (count[0] == null) {
      return;
    }
    long total = count[0];
    long pages = (total + limit - 1) / limit;
    context.plan(Math.max(0, pages - 1) + 1 + EdgeCase.values().length);

    List<String> names = new ArrayList<>(namesOf(first.json()));
    boolean complete = true;
    for (long offset = limit; offset < total; offset += limit) {
      context.checkCancelled();
      long pageOffset = offset;
      Fetched page =
          context.fetch(endpoint + ".pagination.page", ApiRequest.page(endpoint, offset, limit));
      CheckStatus status =
          context.check(
              endpoint + ".pagination.page",
              page,
              () -> verifyPage(Expect.okJson(page), endpoint, pageOffset, limit, total));
      if (page.json() != null) {
        names.addAll(namesOf(page.json()));
      } else {
        complete = false;
      }
      context.itemDone();
      if (status == CheckStatus.SKIPPED) {
        complete = false;
      }
    }
    boolean walked = complete;
    context.check(endpoint + ".pagination.walk", endpoint, () -> verifyWalk(names, total, walked));
    context.itemDone();

    for (EdgeCase edge : EdgeCase.values()) {
      context.checkCancelled();
      ApiRequest request = edge.request(endpoint, total);
      String name = endpoint + ".pagination.edge." + edge.id;
      Fetched fetched = context.fetch(name, request);
      context.check(
          name, fetched, (Fetched subject) -> edge.verify(Expect.okJson(subject), endpoint, total));
      context.itemDone();
    }
  }

  /**
   * Verifies one page fetched with {@code offset} and {@code limit}; returns its {@code count}.
   *
   * @param expectedCount the count the first page announced, or null for the first page
   */
  static long verifyPage(
      JsonNode body, String endpoint, long offset, long limit, Long expectedCount) {
    JsonNode countNode = body.get("count");
    if (countNode == null || !countNode.isIntegralNumber() || countNode.asLong() < 0) {
      throw CheckFailed.assertion("/count", "a non-negative integer", countNode, "bad count");
    }
    long count = countNode.asLong();
    if (expectedCount != null && count != expectedCount) {
      throw CheckFailed.assertion(
          "/count", expectedCount, count, "count changed while walking the pages");
    }
    JsonNode results = body.get("results");
    if (results == null || !results.isArray()) {
      throw CheckFailed.assertion("/results", "an array", results, "results is not an array");
    }
    long expectedSize = Math.max(0, Math.min(limit, count - offset));
    List<AssertionDetail> problems = new ArrayList<>();
    if (results.size() != expectedSize) {
      problems.add(
          new AssertionDetail(
              "/results",
              expectedSize + " items",
              results.size() + " items",
              "page at offset " + offset + " with limit " + limit + " has the wrong size"));
    }
    // the live function's getNextPage/getPreviousPage: the links' limits shrink at the ends
    long nextBegin = offset + limit;
    long nextEnd = Math.min(offset + 2 * limit, count);
    Long next = nextEnd > nextBegin ? nextBegin : null;
    long nextLimit = nextEnd - nextBegin;
    long previousBegin = Math.max(0, offset - limit);
    Long previous = previousBegin < offset ? previousBegin : null;
    long previousLimit = offset - previousBegin;
    PageLinks.problem(body.get("next"), endpoint, next, nextLimit)
        .ifPresent(
            p ->
                problems.add(
                    new AssertionDetail("/next", String.valueOf(next), text(body, "next"), p)));
    PageLinks.problem(body.get("previous"), endpoint, previous, previousLimit)
        .ifPresent(
            p ->
                problems.add(
                    new AssertionDetail(
                        "/previous", String.valueOf(previous), text(body, "previous"), p)));
    for (int i = 0; i < results.size(); i++) {
      JsonNode url = results.get(i).get("url");
      if (url == null || !url.isTextual() || url.asText().isBlank()) {
        problems.add(
            new AssertionDetail(
                "/results/" + i + "/url", "a URL", String.valueOf(url), "item without url"));
      }
    }
    if (!problems.isEmpty()) {
      throw new CheckFailed(FailureType.ASSERTION, problems.get(0).message(), problems);
    }
    return count;
  }

  static void verifyWalk(List<String> keys, long count, boolean complete) {
    if (!complete) {
      throw new CheckSkipped("not every page could be read; see the page checks");
    }
    Set<String> seen = new HashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (String key : keys) {
      if (!seen.add(key)) {
        duplicates.add(key);
      }
    }
    List<AssertionDetail> problems = new ArrayList<>();
    if (!duplicates.isEmpty()) {
      problems.add(
          new AssertionDetail(
              "/results",
              "unique items",
              duplicates.stream().limit(10).toList().toString(),
              duplicates.size() + " item(s) appear on more than one page"));
    }
    if (seen.size() != count) {
      problems.add(
          new AssertionDetail(
              "/count",
              Long.toString(count),
              Integer.toString(seen.size()),
              "walking every page gave " + seen.size() + " unique items, count says " + count));
    }
    if (!problems.isEmpty()) {
      throw new CheckFailed(FailureType.ASSERTION, problems.get(0).message(), problems);
    }
  }

  /** The identity of each item of a page: its url (names are absent on some endpoints). */
  static List<String> namesOf(JsonNode page) {
    List<String> out = new ArrayList<>();
    if (page == null) {
      return out;
    }
    for (JsonNode item : page.path("results")) {
      out.add(item.path("url").asText(item.path("name").asText()));
    }
    return out;
  }

  private static String text(JsonNode body, String field) {
    return Optional.ofNullable(body.get(field)).map(JsonNode::toString).orElse(null);
  }

  /** Edge values of limit and offset, with what the live API answers to each. */
  enum EdgeCase {
    LIMIT_ONE("limit-1") {
      @Override
      ApiRequest request(String endpoint, long count) {
        return ApiRequest.page(endpoint, 0, 1);
      }

      @Override
      void verify(JsonNode body, String endpoint, long count) {
        verifyPage(body, endpoint, 0, 1, count);
      }
    },
    LIMIT_ZERO_FALLS_BACK("limit-0") {
      @Override
      ApiRequest request(String endpoint, long count) {
        return ApiRequest.page(endpoint, 0, 0);
      }

      @Override
      void verify(JsonNode body, String endpoint, long count) {
        verifyPage(body, endpoint, 0, DEFAULT_LIMIT, count);
      }
    },
    LIMIT_NOT_A_NUMBER_FALLS_BACK("limit-not-a-number") {
      @Override
      ApiRequest request(String endpoint, long count) {
        return new ApiRequest(endpoint + "/", Map.of("limit", "abc"));
      }

      @Override
      void verify(JsonNode body, String endpoint, long count) {
        verifyPage(body, endpoint, 0, DEFAULT_LIMIT, count);
      }
    },
    LIMIT_EQUALS_COUNT("limit-count") {
      @Override
      ApiRequest request(String endpoint, long count) {
        return ApiRequest.page(endpoint, 0, Math.max(1, count));
      }

      @Override
      void verify(JsonNode body, String endpoint, long count) {
        verifyPage(body, endpoint, 0, Math.max(1, count), count);
      }
    },
    LIMIT_PAST_COUNT("limit-past-count") {
      @Override
      ApiRequest request(String endpoint, long count) {
        return ApiRequest.page(endpoint, 0, count + 100);
      }

      @Override
      void verify(JsonNode body, String endpoint, long count) {
        verifyPage(body, endpoint, 0, count + 100, count);
      }
    },
    OFFSET_LAST("offset-last") {
      @Override
      ApiRequest request(String endpoint, long count) {
        return ApiRequest.page(endpoint, Math.max(0, count - 1), DEFAULT_LIMIT);
      }

      @Override
      void verify(JsonNode body, String endpoint, long count) {
        verifyPage(body, endpoint, Math.max(0, count - 1), DEFAULT_LIMIT, count);
      }
    },
    OFFSET_AT_END("offset-count") {
      @Override
      ApiRequest request(String endpoint, long count) {
        return ApiRequest.page(endpoint, count, DEFAULT_LIMIT);
      }

      @Override
      void verify(JsonNode body, String endpoint, long count) {
        verifyPage(body, endpoint, count, DEFAULT_LIMIT, count);
      }
    },
    OFFSET_PAST_END("offset-past-count") {
      @Override
      ApiRequest request(String endpoint, long count) {
        return ApiRequest.page(endpoint, count + 1000, DEFAULT_LIMIT);
      }

      @Override
      void verify(JsonNode body, String endpoint, long count) {
        JsonNode results = body.path("results");
        Expect.that(
            results.isArray() && results.isEmpty(),
            "/results",
            "[]",
            results.size() + " items",
            "an offset past the end must give an empty page");
        Expect.equal("/count", count, body.path("count").asLong(-1), "count");
      }
    };

    final String id;

    EdgeCase(String id) {
      this.id = id;
    }

    abstract ApiRequest request(String endpoint, long count);

    abstract void verify(JsonNode body, String endpoint, long count);
  }
}
