/**
 * Capacity and overcommit (L-05, L-07): whether a VM fits a host given what is already placed there and the
 * cluster's overcommit factors, with a structured refusal naming each shortfall. Used by validation, by the
 * simulator's hypervisor and by HA recovery placement, so the rule lives here once.
 */
package io.cellharness.core.capacity;
