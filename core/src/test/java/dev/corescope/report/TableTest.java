package dev.corescope.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {
    private final Table t = new Table("workers", "mean s", "note").row(1, "0.100", "ok").row(2, "0.105", "a, b | c");

    @Test
    void textTableAlignsColumns() {
        String[] lines = t.render().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("workers  mean s      note");
        assertThat(lines[2].length()).isEqualTo(lines[0].length());
    }

    @Test
    void csvQuotesFieldsWithCommas() {
        assertThat(t.renderCsv()).isEqualTo("workers,mean s,note\n1,0.100,ok\n2,0.105,\"a, b | c\"\n");
    }

    @Test
    void markdownEscapesPipesAndRightAlignsNumbers() {
        assertThat(t.renderMarkdown()).isEqualTo("| workers | mean s | note |\n|---|---:|---:|\n"
                + "| 1 | 0.100 | ok |\n| 2 | 0.105 | a, b \\| c |\n");
    }
}
