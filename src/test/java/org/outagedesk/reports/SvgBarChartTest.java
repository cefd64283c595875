package org.outagedesk.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgBarChartTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static int width(Element rect) {
        return Integer.parseInt(rect.getAttribute("width"));
    }

    @Test
    void bars_are_as_long_as_their_values_and_carry_label_value_and_link() throws Exception {
        String svg = SvgBarChart.titled("Affected by status")
                .row("Lost", "subscribers?incident=7&status=LOST", 400)
                .row("Recovered", "subscribers?incident=7&status=RECOVERED", 100)
                .row("Unknown", null, 0).toSvg();
        Document doc = parse(svg);
        NodeList rects = doc.getElementsByTagName("rect");
        assertThat(rects.getLength()).isEqualTo(3);
        assertThat(width((Element) rects.item(0))).isEqualTo(4 * width((Element) rects.item(1)));
        assertThat(width((Element) rects.item(2))).isZero();
        assertThat(doc.getDocumentElement().getAttribute("aria-label")).isEqualTo("Affected by status");
        assertThat(svg).contains(">Lost</text>", ">400</text>", ">Recovered</text>")
                .contains("href=\"subscribers?incident=7&amp;status=LOST\"")
                .doesNotContain("class=\"legend\"");
    }

    @Test
    void several_series_get_a_legend_and_a_colour_each() throws Exception {
        String svg = SvgBarChart.titled("Credits by reason").series("Issued", "Pending", "Reversed")
                .format(v -> "$" + v.setScale(2).toPlainString())
                .row("Goodwill", null, new BigDecimal("20.00"), new BigDecimal("26.00"), BigDecimal.ZERO).toSvg();
        Document doc = parse(svg);
        assertThat(svg).contains(">Issued</text>", ">Pending</text>", ">Reversed</text>", ">$26.00</text>");
        NodeList rects = doc.getElementsByTagName("rect");
        assertThat(rects.getLength()).as("three legend keys and three bars").isEqualTo(6);
        assertThat(((Element) rects.item(3)).getAttribute("fill"))
                .isNotEqualTo(((Element) rects.item(4)).getAttribute("fill"));
    }

    @Test
    void series_may_carry_their_own_colours_and_nothing_else_gets_into_the_markup() throws Exception {
        Document doc = parse(SvgBarChart.titled("Acks").series("Acknowledged", "Overdue").colors("#3b9c5a", "#c2413b")
                .row("West", null, BigDecimal.ONE, BigDecimal.TEN).toSvg());
        NodeList rects = doc.getElementsByTagName("rect");
        assertThat(((Element) rects.item(3)).getAttribute("fill")).isEqualTo("#c2413b");
        assertThatThrownBy(() -> SvgBarChart.titled("x").colors("red\" onload=\"alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labels_are_escaped_and_an_empty_chart_says_so() throws Exception {
        String svg = SvgBarChart.titled("Regions <&>").row("AT&T \"Store\" <1>", 5).toSvg();
        parse(svg); // well-formed despite the markup characters
        assertThat(svg).contains("AT&amp;T &quot;Store&quot; &lt;1&gt;");
        assertThat(SvgBarChart.titled("Nothing").toSvg()).contains("No data yet");
        assertThatThrownBy(() -> SvgBarChart.titled("x").series("a", "b").row("r", null, BigDecimal.ONE))
                .hasMessageContaining("1 values for 2 series");
    }
}
