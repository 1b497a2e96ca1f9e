package io.pokeapi.observability.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One image per service and for the double: linted, Java 21+, non-root, health-checked. */
class DockerfilesTest {

  private static final Pattern BASE = Pattern.compile("(?m)^FROM\\s+eclipse-temurin:(\\d+)-jre");
  private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\S+)");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "probe-service",
        "diff-service",
        "load-service",
        "reporter-service",
        "deploy/pokeapi-double"
      })
  void imageIsLintedNonRootJava21HealthCheckedAndHoldsNoSecret(String module) {
    String dockerfile = module + "/Dockerfile";
    List<String> command =
        new ArrayList<>(
            List.of(
                Tool.npmTools().resolve("node_modules/.bin/dockerfile-utils").toString(),
                "lint",
                dockerfile));
    Tool.Result lint = Tool.run(command, Map.of(), 120).assertSuccess();
    assertThat(lint.output()).doesNotContain("Error").doesNotContain("Warning");

    String text = Repo.read(dockerfile);
    Matcher base = BASE.matcher(text);
    assertThat(base.find()).as("%s starts FROM eclipse-temurin:<N>-jre", dockerfile).isTrue();
    assertThat(Integer.parseInt(base.group(1))).isGreaterThanOrEqualTo(21);

    Matcher user = USER.matcher(text);
    String last = null;
    while (user.find()) {
      last = user.group(1);
    }
    assertThat(last).as("the last USER of %s", dockerfile).isNotNull().isNotIn("root", "0");

    assertThat(text).contains("HEALTHCHECK");
    assertThat(text)
        .contains(module.endsWith("double") ? "GET /api/v2/" : "GET /q/health/ready")
        .contains("MaxRAMPercentage");
    // an instruction (not a comment) that sets a secret-looking variable bakes it into the image
    assertThat(
            text.lines()
                .filter(l -> !l.strip().startsWith("#"))
                .filter(l -> l.matches("(?i).*(password|secret|token|api_key)\\w*\\s*=\\s*\\S+.*")))
        .as("no secret in %s", dockerfile)
        .isEmpty();

    String ignore = Repo.read(module + "/.dockerignore");
    assertThat(ignore.lines().findFirst())
        .as("%s/.dockerignore excludes everything first", module)
        .hasValue("*");
  }
}
