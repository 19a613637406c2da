package io.cellharness.cli;

import io.cellharness.core.spec.UserText;

/** The command line's last word on a message: one line, whatever the user's input held. */
final class Messages {

    private Messages() {
    }

    static String oneLine(String message) {
        return UserText.oneLine(message);
    }
}
