package org.capacityhub.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spreadsheet formula neutralisation (CSV injection) of the exports. */
class ReportExportsTest {

    @Test
    void cellsThatASpreadsheetWouldRunAreNeutralised() {
        assertThat(ReportExports.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(ReportExports.neutralise("+1")).isEqualTo("'+1");
        assertThat(ReportExports.neutralise("-2")).isEqualTo("'-2");
        assertThat(ReportExports.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReportExports.neutralise("\tcmd")).isEqualTo("'\tcmd");
        assertThat(ReportExports.neutralise("plain = text")).isEqualTo("plain = text");
        assertThat(ReportExports.neutralise("")).isEmpty();
        assertThat(ReportExports.neutralise(null)).isNull();
    }
}
