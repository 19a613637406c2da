/**
 * Expected performance and device advice (P-01 … P-03, T-01): for a VM definition, the documented performance
 * relative to bare metal per device class, and what the documentation recommends about its devices and time
 * keeping. Every percentage comes from {@link io.cellharness.core.limits.Limits}.
 */
package io.cellharness.core.advice;
