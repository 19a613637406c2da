package io.cellharness.core.port;

import io.cellharness.core.model.CpuSpec;
import io.cellharness.core.model.VmSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A {@link Hypervisor} for unit tests of engine code: it completes every call at once with what a test told it, keeps
 * the VMs defined on it, and records every call in order. Only what engine tests use is implemented; the rest fails.
 */
public final class FakeHypervisor implements Hypervisor {

    private final String host;
    private final List<String> calls = new ArrayList<>();
    private final TreeMap<String, VmSpec> defined = new TreeMap<>();
    private OpResult<Void> nextDefine;

    public FakeHypervisor(String host) {
        this.host = host;
    }

    /** Every call so far, e.g. {@code define web}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The VMs defined, by name. */
    public TreeMap<String, VmSpec> defined() {
        return new TreeMap<>(defined);
    }

    /** The next define answers {@code result} (and defines nothing unless it is ok). */
    public void answerNextDefine(OpResult<Void> result) {
        nextDefine = result;
    }

    private static <T> CompletionStage<OpResult<T>> done(OpResult<T> result) {
        return CompletableFuture.completedFuture(result);
    }

    private <T> CompletionStage<OpResult<T>> unsupported(String call) {
        calls.add(call);
        return done(OpResult.failed("FakeHypervisor does not implement " + call));
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public CompletionStage<OpResult<Void>> ping() {
        calls.add("ping");
        return done(OpResult.ok());
    }

    @Override
    public CompletionStage<OpResult<Void>> define(VmSpec vm) {
        calls.add("define " + vm.name());
        OpResult<Void> result = nextDefine == null ? OpResult.ok() : nextDefine;
        nextDefine = null;
        if (result.isOk()) {
            defined.put(vm.name(), vm);
        }
        return done(result);
    }

    @Override
    public CompletionStage<OpResult<Void>> undefine(String vm) {
        calls.add("undefine " + vm);
        return done(defined.remove(vm) != null ? OpResult.ok() : OpResult.failed("no domain '" + vm + "'"));
    }

    @Override
    public CompletionStage<OpResult<Void>> start(String vm) {
        return unsupported("start " + vm);
    }

    @Override
    public CompletionStage<OpResult<Void>> shutdown(String vm) {
        return unsupported("shutdown " + vm);
    }

    @Override
    public CompletionStage<OpResult<Void>> destroy(String vm) {
        return unsupported("destroy " + vm);
    }

    @Override
    public CompletionStage<OpResult<Void>> suspend(String vm) {
        return unsupported("suspend " + vm);
    }

    @Override
    public CompletionStage<OpResult<Void>> resume(String vm) {
        return unsupported("resume " + vm);
    }

    @Override
    public CompletionStage<OpResult<MigrationResult>> migrate(MigrationRequest request) {
        return unsupported("migrate " + request.vm());
    }

    @Override
    public CompletionStage<OpResult<List<DomainInfo>>> list() {
        calls.add("list");
        return done(OpResult.ok(defined.keySet().stream()
                .map(n -> new DomainInfo(n, DomainState.SHUTOFF, "defined")).toList()));
    }

    @Override
    public CompletionStage<OpResult<DomainInfo>> domain(String vm) {
        calls.add("domain " + vm);
        return done(defined.containsKey(vm) ? OpResult.ok(new DomainInfo(vm, DomainState.SHUTOFF, "defined"))
                : OpResult.failed("no domain '" + vm + "'"));
    }

    @Override
    public CompletionStage<OpResult<HostCapabilities>> capabilities() {
        return unsupported("capabilities");
    }

    @Override
    public CompletionStage<OpResult<CpuComparison>> compareCpu(CpuSpec cpu) {
        return unsupported("compareCpu");
    }

    @Override
    public CompletionStage<OpResult<CpuSpec>> baselineCpu(List<CpuSpec> cpus) {
        return unsupported("baselineCpu");
    }

    @Override
    public Subscription onLifecycleEvent(Consumer<LifecycleEvent> listener) {
        return () -> { };
    }
}
