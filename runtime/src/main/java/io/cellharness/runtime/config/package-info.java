/**
 * The services' configuration files ({@code agent.yaml}, {@code manager.yaml}): records read with the same strict
 * YAML reader as cluster files (unknown keys, duplicates and wrong types are one line naming file, line and column),
 * then checked for what a service needs before it starts. Secrets are never in these files: TLS store passwords and
 * BMC passwords are read by name from systemd credentials ({@code $CREDENTIALS_DIRECTORY}) or the environment
 * ({@link io.cellharness.runtime.config.Secrets}).
 *
 * <p>May depend on cell-core's model and spec reader.
 */
package io.cellharness.runtime.config;
