package io.cellharness.core.validation;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.model.HostSpec;
import io.cellharness.core.network.HostNetwork;
import io.cellharness.core.network.HostNetworkProblem;
import java.util.List;

/**
 * The host network rules of a cluster specification: every reason {@link HostNetwork} would refuse to configure a
 * host's NICs and bonds, as errors with the host's path. N-05 bond names, N-06 what a bond is made of, N-07 802.3ad
 * on a switch without LACP (a host's switch supports LACP unless its {@code switchLacp} says otherwise), N-01/N-02
 * the bridge a bond uplinks.
 */
final class NetworkCheck {

    private NetworkCheck() {
    }

    static void check(ClusterSpec spec, List<Problem> errors) {
        for (int h = 0; h < spec.hosts().size(); h++) {
            HostSpec host = spec.hosts().get(h);
            for (HostNetworkProblem p : HostNetwork.findProblems(host, host.switchSupportsLacp())) {
                errors.add(Problem.error(p.rule(), "hosts[" + h + "]." + p.field(), p.value(), null,
                        "host " + host.name() + ": " + p.message()));
            }
        }
    }
}
