package dev.kpp.app.text;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {
    @Test
    void everyLocaleFallsBackToTheEnglishBundle() {
        for (Locale l : new Locale[] {Locale.ROOT, Locale.US, Locale.GERMANY, Locale.JAPAN, new Locale("pt", "BR")}) {
            Messages m = new Messages(l);
            assertThat(m.get("tab.plan")).as(l.toString()).isEqualTo("Plan");
            assertThat(m.has("results.title")).as(l.toString()).isTrue();
        }
    }

    @Test
    void argumentsAreFilledAndAMissingKeyIsShownAsItself() {
        Messages m = Messages.english();
        assertThat(m.get("no.such.key")).isEqualTo("no.such.key");
        assertThat(m.has("no.such.key")).isFalse();
        assertThat(m.get("warning.nodeport-range-exceeded", "3,000", "2,768"))
                .isEqualTo("3,000 NodePorts do not fit the default NodePort range 30000-32767 (2,768 ports).");
    }
}
