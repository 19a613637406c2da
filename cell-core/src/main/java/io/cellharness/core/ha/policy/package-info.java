/**
 * Chooses the manager's HA policy: {@link io.cellharness.core.ha.policy.HaEngines} builds the Cell policy or CloudStack
 * KVM Host HA from the same {@link io.cellharness.core.ha.HaPorts}. Depends on ha and ha.cloudstack (neither depends
 * on it).
 */
package io.cellharness.core.ha.policy;
