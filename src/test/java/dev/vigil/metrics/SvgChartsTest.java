package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.metrics.SvgCharts.Bar;
import dev.vigil.metrics.SvgCharts.Chart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartsTest {
    private static final String SVG = "http://www.w3.org/2000/svg";

    @Test
    void aBarChartIsWellFormedSvgNamedByItsTitleAndDescription() throws Exception {
        String svg = SvgCharts.bars(new Chart("per-month", "Incidents per month", "3 incidents in 3 months.",
                List.of(Bar.of("Sep", 1, "1"), Bar.of("Oct", 0, "0"), Bar.of("Nov", 2, "2"))));

        Document document = parse(svg);
        Element root = document.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("per-month-title per-month-desc");
        assertThat(byId(document, "title", "per-month-title").getTextContent()).isEqualTo("Incidents per month");
        assertThat(byId(document, "desc", "per-month-desc").getTextContent()).isEqualTo("3 incidents in 3 months.");
        assertThat(texts(document, "chart-label")).containsExactly("Sep", "Oct", "Nov");
        assertThat(document.getElementsByTagNameNS(SVG, "rect").getLength()).as("no bar for zero").isEqualTo(2);
    }

    @Test
    void labelsTitlesAndValuesAreEscapedAndReadBackAsWritten() throws Exception {
        String hostile = "<script>alert('x')</script> & \"quotes\"";
        String svg = SvgCharts.histogram(new Chart("hostile", hostile, hostile, List.of(Bar.of(hostile, 1, hostile))));

        Document document = parse(svg);
        assertThat(svg).doesNotContain("<script>");
        assertThat(byId(document, "title", "hostile-title").getTextContent()).isEqualTo(hostile);
        assertThat(texts(document, "chart-label")).containsExactly(hostile);
        assertThat(texts(document, "chart-value")).containsExactly(hostile);
    }

    @Test
    void controlCharactersThatXmlForbidsAreDropped() throws Exception {
        String svg = SvgCharts.bars(new Chart("odd", "Odd\u0001 name", "", List.of(Bar.of("A\u0007", 1, "1"))));

        assertThat(byId(parse(svg), "title", "odd-title").getTextContent()).isEqualTo("Odd name");
    }

    @Test
    void aPercentageChartScalesToOneHundredAndDrawsNothingForMonthsWithoutData() throws Exception {
        String svg = SvgCharts.percentages(new Chart("rate", "On time", "Share on time.",
                List.of(Bar.of("Sep", 100, "100%"), Bar.of("Oct", 50, "50%"), new Bar("Nov", null, "–"))));

        NodeList bars = parse(svg).getElementsByTagNameNS(SVG, "rect");
        assertThat(bars.getLength()).isEqualTo(2);
        double full = Double.parseDouble(((Element) bars.item(0)).getAttribute("height"));
        double half = Double.parseDouble(((Element) bars.item(1)).getAttribute("height"));
        assertThat(half).isCloseTo(full / 2, org.assertj.core.data.Offset.offset(0.11));
        assertThat(texts(parse(svg), "chart-value")).containsExactly("100%", "50%", "–");
    }

    @Test
    void aChartWithNoBarsOrOnlyZerosIsStillWellFormed() throws Exception {
        assertThat(parse(SvgCharts.bars(new Chart("none", "Nothing", "No data.", List.of()))).getDocumentElement()
                .getLocalName()).isEqualTo("svg");
        assertThat(parse(SvgCharts.histogram(new Chart("zeros", "Zeros", "All zero.", List.of(Bar.of("a", 0, "0")))))
                .getElementsByTagNameNS(SVG, "rect").getLength()).isZero();
    }

    @Test
    void anIdThatCouldBreakOutOfItsAttributeIsRefused() {
        assertThatThrownBy(() -> new Chart("x\" onload=\"alert(1)", "t", "d", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Document document, String tag, String id) {
        NodeList nodes = document.getElementsByTagNameNS(SVG, tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (id.equals(element.getAttribute("id"))) {
                return element;
            }
        }
        throw new AssertionError("no <" + tag + " id=\"" + id + "\">");
    }

    private static List<String> texts(Document document, String kind) {
        NodeList nodes = document.getElementsByTagNameNS(SVG, "text");
        List<String> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (kind.equals(element.getAttribute("class"))) {
                result.add(element.getTextContent());
            }
        }
        return result;
    }
}
