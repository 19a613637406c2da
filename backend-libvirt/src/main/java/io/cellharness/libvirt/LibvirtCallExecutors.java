package io.cellharness.libvirt;

import io.cellharness.core.limits.Limits;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The bounded executor a {@link LibvirtHypervisor} runs its blocking libvirt calls on. */
public final class LibvirtCallExecutors {

    private LibvirtCallExecutors() {
    }

    /**
     * {@link Limits#LIBVIRT_CALL_THREADS} daemon threads named after the host, a queue of
     * {@link Limits#LIBVIRT_CALL_QUEUE}; beyond that calls are refused (and complete failed), never queued unbounded.
     */
    public static ThreadPoolExecutor bounded(String host) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(Limits.LIBVIRT_CALL_THREADS, Limits.LIBVIRT_CALL_THREADS, 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Limits.LIBVIRT_CALL_QUEUE), r -> {
                    Thread t = new Thread(r, "libvirt-call " + host + " #" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }
}
