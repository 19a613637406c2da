/**
 * What the services show (R-02's read-only status API): {@link io.cellharness.runtime.status.ManagerState}, the
 * manager's view of hosts (HA state, evidence, heartbeat age), VMs (where they run), open alerts and recent
 * transitions, kept from the manager's observer events and heartbeats and rebuilt from the journal after a restart;
 * rendered as JSON for {@code GET /v1/status}.
 *
 * <p>Written on the engine thread, read by HTTP threads: every method is synchronized.
 */
package io.cellharness.runtime.status;
