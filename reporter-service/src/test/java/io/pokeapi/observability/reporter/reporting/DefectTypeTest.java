package io.pokeapi.observability.reporter.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.common.contract.FailureType;
import org.junit.jupiter.api.Test;

/** The defect type a failed check gets from its evidence. */
class DefectTypeTest {

  @Test
  void theApisEdgeIsASystemIssue() {
    for (FailureType t :
        new FailureType[] {
          FailureType.TIMEOUT,
          FailureType.CONNECTION,
          FailureType.HTTP_5XX,
          FailureType.RATE_LIMITED,
          FailureType.BLOCKED,
          FailureType.CIRCUIT_OPEN
        }) {
      assertThat(DefectType.of(t, "x", false)).as(t.name()).isEqualTo(DefectType.SYSTEM_ISSUE);
    }
    assertThat(DefectType.of(FailureType.HTTP_4XX, "expected 200, got 403", false))
        .isEqualTo(DefectType.SYSTEM_ISSUE);
  }

  @Test
  void anUpstreamChangeIsAProductBug() {
    assertThat(DefectType.of(FailureType.SCHEMA_VALIDATION, null, false))
        .isEqualTo(DefectType.PRODUCT_BUG);
    assertThat(DefectType.of(FailureType.ASSERTION, "weight differs", true))
        .isEqualTo(DefectType.PRODUCT_BUG);
    assertThat(DefectType.of(FailureType.HTTP_4XX, "expected 200, got 404", true))
        .isEqualTo(DefectType.PRODUCT_BUG);
  }

  @Test
  void aCheckThatCouldNotRunIsAnAutomationBug() {
    assertThat(DefectType.of(FailureType.PUBLISH_FAILED, null, false))
        .isEqualTo(DefectType.AUTOMATION_BUG);
    assertThat(DefectType.of(FailureType.RESPONSE_TOO_LARGE, null, false))
        .isEqualTo(DefectType.AUTOMATION_BUG);
  }

  @Test
  void anythingElseIsToInvestigate() {
    assertThat(DefectType.of(FailureType.ASSERTION, "weight differs", false))
        .isEqualTo(DefectType.TO_INVESTIGATE);
    assertThat(DefectType.of(FailureType.HTTP_4XX, "expected 200, got 404", false))
        .isEqualTo(DefectType.TO_INVESTIGATE);
    assertThat(DefectType.of(FailureType.UNKNOWN, null, false))
        .isEqualTo(DefectType.TO_INVESTIGATE);
    assertThat(DefectType.of(null, null, false)).isEqualTo(DefectType.TO_INVESTIGATE);
    assertThat(DefectType.SYSTEM_ISSUE.locator()).isEqualTo("si001");
  }
}
