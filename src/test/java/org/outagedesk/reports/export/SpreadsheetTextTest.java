package org.outagedesk.reports.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Formula neutralising: what a spreadsheet would run gets a leading quote; numbers and plain text do not. */
class SpreadsheetTextTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(nullValues = "null", textBlock = """
            '=HYPERLINK(""http://x"",""y"")', '''=HYPERLINK(""http://x"",""y"")'
            '+1+cmd|'' /C calc''!A0',         '''+1+cmd|'' /C calc''!A0'
            '-2+3',                          '''-2+3'
            '@SUM(A1)',                      '''@SUM(A1)'
            '+15551234567',                  '+15551234567'
            '-20.00',                        '-20.00'
            '20.00',                         '20.00'
            '+1.',                           '''+1.'
            '-.5',                           '''-.5'
            'Upper West Side = trouble',     'Upper West Side = trouble'
            'A',                             'A'
            '',                              ''
            null,                            ''
            """)
    void formula_like_text_is_quoted(String text, String expected) {
        assertThat(SpreadsheetText.neutralise(text)).isEqualTo(expected);
        assertThat(SpreadsheetText.looksLikeFormula(text)).isEqualTo(!SpreadsheetText.neutralise(text).equals(
                text == null ? "" : text));
    }

    @Test
    void a_tab_or_carriage_return_first_is_a_trigger_too() {
        assertThat(SpreadsheetText.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetText.neutralise("\r=1")).isEqualTo("'\r=1");
        assertThat(SpreadsheetText.neutralise("x\t=1")).isEqualTo("x\t=1");
        assertThat(SpreadsheetText.looksLikeFormula(null)).isFalse();
        assertThat(SpreadsheetText.looksLikeFormula("")).isFalse();
    }
}
