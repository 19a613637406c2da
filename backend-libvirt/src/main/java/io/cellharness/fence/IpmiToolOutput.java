package io.cellharness.fence;

import io.cellharness.core.port.OpResult;
import io.cellharness.core.port.PowerState;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one ipmitool run said, and what that means: ok, failed (the BMC, or the machine, certainly refused) or unknown
 * (it may have acted). The messages matched are ipmitool 1.8's ({@code lib/ipmi_chassis.c},
 * {@code src/plugins/lanplus}) under {@code LC_ALL=C} and {@code -v}. Anything not recognised is unknown, the safe side
 * for a fence (H-06).
 */
final class IpmiToolOutput {

    private static final Pattern POWER_IS = Pattern.compile("^Chassis Power is (on|off)\\s*$", Pattern.MULTILINE);
    private static final Pattern CONTROL_DONE = Pattern.compile("^Chassis Power Control: ", Pattern.MULTILINE);

    /** A reply carried a completion code: the BMC received the command and refused it. */
    private static final Pattern REFUSED_COMMAND = Pattern.compile(
            "^(Set Chassis Power Control to .* failed|Get Chassis Power Status failed): (.*)$", Pattern.MULTILINE);
    /** No reply to the command itself after the session was up: it may have been carried out. */
    private static final Pattern NO_REPLY = Pattern.compile(
            "^(Unable to set Chassis Power Control to .*|Unable to get Chassis Power Status)$", Pattern.MULTILINE);
    private static final Pattern RAKP2_ERROR = Pattern.compile(
            "RAKP 2 message indicates an error : (.*)$", Pattern.MULTILINE);
    private static final Pattern OPEN_SESSION_ERROR = Pattern.compile(
            "Error in open session response message : (.*)$", Pattern.MULTILINE);
    private static final Pattern ADDRESS_LOOKUP = Pattern.compile("^Address lookup for .* failed", Pattern.MULTILINE);

    /** For a status run the state read; for a power command ok carries no value. */
    private final OpResult<PowerState> outcome;

    private IpmiToolOutput(OpResult<PowerState> outcome) {
        this.outcome = outcome;
    }

    /** The outcome of a {@code status} run. */
    OpResult<PowerState> powerState() {
        return outcome;
    }

    /** The outcome of an {@code off}, {@code on} or {@code reset} run. */
    OpResult<Void> control() {
        return outcome.map(ignored -> null);
    }

    /** ipmitool never ran, so nothing reached the BMC. */
    static IpmiToolOutput notStarted(IpmiToolFenceDriver.PowerCommand command, BmcAddress bmc, String ipmitool,
                                     String why) {
        return new IpmiToolOutput(OpResult.failed("chassis power " + command.argument + " on BMC " + bmc
                + " not sent: cannot run '" + ipmitool + "': " + Reasons.oneLine(why)));
    }

    /** ipmitool ran, but what it did is not known (killed at the hard timeout, output lost). */
    static IpmiToolOutput unknownOutcome(IpmiToolFenceDriver.PowerCommand command, BmcAddress bmc, String what) {
        return new IpmiToolOutput(OpResult.unknown("chassis power " + command.argument + " on BMC " + bmc + " "
                + what + "; outcome unknown"));
    }

    static IpmiToolOutput finished(IpmiToolFenceDriver.PowerCommand command, BmcAddress bmc, String user,
                                   int exitCode, String stdout, String stderr) {
        String action = "chassis power " + command.argument;
        if (exitCode == 0) {
            if (command == IpmiToolFenceDriver.PowerCommand.STATUS) {
                Matcher power = POWER_IS.matcher(stdout);
                if (power.find()) {
                    PowerState state = power.group(1).equals("on") ? PowerState.ON : PowerState.OFF;
                    return new IpmiToolOutput(OpResult.ok(state));
                }
            } else if (CONTROL_DONE.matcher(stdout).find()) {
                return new IpmiToolOutput(OpResult.ok(null));
            }
            return new IpmiToolOutput(OpResult.unknown(action + " on BMC " + bmc + ": ipmitool succeeded but "
                    + "printed no answer it understands: '" + Reasons.oneLine(stdout) + "'"));
        }
        return new IpmiToolOutput(refusalOrUnknown(action, bmc, user, exitCode, stderr));
    }

    private static OpResult<PowerState> refusalOrUnknown(String action, BmcAddress bmc, String user, int exitCode,
                                                String stderr) {
        String login = "BMC " + bmc + " refused the login of user '" + user + "'";
        if (stderr.contains("RAKP 2 HMAC is invalid")) {
            return OpResult.failed(login + ": wrong password (RAKP 2 HMAC is invalid)");
        }
        Matcher rakp2 = RAKP2_ERROR.matcher(stderr);
        if (rakp2.find()) {
            return OpResult.failed(login + ": " + rakp2.group(1).trim());
        }
        if (stderr.contains("RAKP 4 message has invalid integrity check value")) {
            return OpResult.failed(login + ": wrong password or Kg key (RAKP 4 integrity check failed)");
        }
        Matcher openSession = OPEN_SESSION_ERROR.matcher(stderr);
        if (openSession.find()) {
            return OpResult.failed("BMC " + bmc + " refused an IPMI session for user '" + user + "': "
                    + openSession.group(1).trim());
        }
        Matcher refused = REFUSED_COMMAND.matcher(stderr);
        if (refused.find()) {
            return OpResult.failed("BMC " + bmc + " refused " + action + ": " + refused.group(2).trim());
        }
        if (ADDRESS_LOOKUP.matcher(stderr).find()) {
            return OpResult.failed(action + " on BMC " + bmc + " not sent: its host name does not resolve");
        }
        if (NO_REPLY.matcher(stderr).find()) {
            return OpResult.unknown("BMC " + bmc + " did not answer " + action + " within ipmitool's timeout and "
                    + "retries; outcome unknown");
        }
        if (stderr.contains("Unable to establish IPMI v2 / RMCP+ session")) {
            return OpResult.unknown("BMC " + bmc + " unreachable: no IPMI session for " + action
                    + " within ipmitool's timeout and retries");
        }
        return OpResult.unknown(action + " on BMC " + bmc + ": ipmitool exited " + exitCode + ": "
                + lastLine(stderr));
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "(no message)" : Reasons.oneLine(lines.get(lines.size() - 1));
    }
}
