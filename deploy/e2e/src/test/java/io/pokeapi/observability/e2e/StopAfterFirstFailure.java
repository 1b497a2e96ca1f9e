package io.pokeapi.observability.e2e;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Skips the remaining steps of an ordered scenario once one has failed: each step builds on the
 * state the previous ones left, so their results would only repeat the first failure.
 */
final class StopAfterFirstFailure implements TestWatcher, ExecutionCondition {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StopAfterFirstFailure.class);

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    classStore(context).put("failed", context.getDisplayName());
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      return ConditionEvaluationResult.enabled("class level");
    }
    String failed = classStore(context).get("failed", String.class);
    return failed == null
        ? ConditionEvaluationResult.enabled("no step failed")
        : ConditionEvaluationResult.disabled("skipped: the earlier step '" + failed + "' failed");
  }

  private static ExtensionContext.Store classStore(ExtensionContext context) {
    ExtensionContext classContext = context.getParent().orElse(context);
    return classContext.getStore(NAMESPACE);
  }
}
