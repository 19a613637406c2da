package io.cellharness.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

    @Test
    void aFloodWithinTheIntervalIsOneLine() {
        List<String> lines = new ArrayList<>();
        RateLimitedLog log = new RateLimitedLog(60_000, lines::add);

        for (int i = 0; i < 1_000; i++) {
            log.log("refused a client");
        }

        assertThat(lines).containsExactly("refused a client");
    }

    @Test
    void afterTheIntervalTheNextLineSaysHowManyWereNotLogged() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        RateLimitedLog log = new RateLimitedLog(20, lines::add);

        log.log("refused");
        log.log("refused");
        log.log("refused");
        Thread.sleep(40);
        log.log("refused");

        assertThat(lines).containsExactly("refused", "refused (2 more since the last such line)");
    }
}
