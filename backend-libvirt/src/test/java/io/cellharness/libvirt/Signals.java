package io.cellharness.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** Stopping and continuing a process by PID with libc's kill(2), so that a test can freeze a daemon. */
final class Signals {

    /** SIGSTOP on Linux. */
    static final int STOP = 19;
    /** SIGCONT on Linux. */
    static final int CONTINUE = 18;

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int kill(int pid, int signal);
    }

    private Signals() {
    }

    static void send(long pid, int signal) {
        if (LibC.INSTANCE.kill((int) pid, signal) != 0) {
            throw new IllegalStateException("kill(" + pid + ", " + signal + ") failed: errno " + Native.getLastError());
        }
    }
}
