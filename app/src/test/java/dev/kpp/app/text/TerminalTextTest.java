package dev.kpp.app.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            plain-name.example               | plain-name.example
            'clear\u001b[2Jscreen'           | 'clear\\x1b[2Jscreen'
            'forged\r\nkpp: all good'        | 'forged\\r\\nkpp: all good'
            'tab\there'                      | 'tab\\there'
            'rev\u202eoj.exe'                | 'rev\\u202eoj.exe'
            'isolate\u2066x\u2069'           | 'isolate\\u2066x\\u2069'
            'c1\u009bcsi'                    | 'c1\\u009bcsi'
            'del\u007f'                      | 'del\\x7f'
            'bell\u0007'                     | 'bell\\x07'
            'line\u2028sep'                  | 'line\\u2028sep'
            'Grüße 東京 \uD83D\uDE00'         | 'Grüße 東京 \uD83D\uDE00'
            'lone\uD800surrogate'            | 'lone\\ud800surrogate'
            """)
    void escapesWhatATerminalWouldObeyAndKeepsWhatItWouldShow(String in, String out) {
        assertThat(TerminalText.escape(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            'a\nb\u001b[2J\nc' | 'a\nb\\x1b[2J\nc'
            'no escapes\n'     | 'no escapes\n'
            """)
    void escapeLinesKeepsTheTextsOwnLineBreaks(String in, String out) {
        assertThat(TerminalText.escapeLines(in)).isEqualTo(out);
    }
}
