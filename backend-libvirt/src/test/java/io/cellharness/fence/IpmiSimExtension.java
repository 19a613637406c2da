package io.cellharness.fence;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link IpmiSim} per test class, resets its power to on before each test, stops it (by its PID) after
 * the class, and hands it to test methods as a parameter.
 *
 * <p>Without {@code ipmi_sim} or {@code ipmitool} on PATH the tests are skipped on a developer's machine, but fail when
 * {@code CI=true}: CI must really run them (Debian packages {@code openipmi} and {@code ipmitool}).
 */
final class IpmiSimExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(IpmiSimExtension.class);
    private static final String KEY = "ipmi_sim";

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        List<String> missing = new ArrayList<>(2);
        for (String binary : List.of("ipmi_sim", "ipmitool")) {
            if (!IpmiSim.onPath(binary)) {
                missing.add(binary);
            }
        }
        if (!missing.isEmpty()) {
            String why = "the IPMI fencing tests need " + String.join(" and ", missing)
                    + " on PATH (Debian packages openipmi and ipmitool)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; CI=true, so they fail instead of being skipped");
            }
            Assumptions.abort(why);
        }
        context.getStore(NAMESPACE).put(KEY, IpmiSim.start());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sim(context).reset();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        IpmiSim sim = context.getStore(NAMESPACE).remove(KEY, IpmiSim.class);
        if (sim != null) {
            sim.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == IpmiSim.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return sim(context);
    }

    private static IpmiSim sim(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(KEY, IpmiSim.class); // a method's store sees its class's
    }
}
