package io.meshproof.report.html;

import io.meshproof.report.CheckReport;
import io.meshproof.report.ConformanceReport;
import io.meshproof.report.EvidenceKeys;
import io.meshproof.report.Result;
import io.meshproof.report.RunInfo;
import io.meshproof.report.SampleReports;
import io.meshproof.report.ScenarioReport;
import io.meshproof.report.Series;
import io.meshproof.report.Support;
import io.meshproof.report.TargetInfo;
import io.meshproof.report.TimelineEvent;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.util.List;
import java.util.Map;

import static io.meshproof.report.html.PageChecks.parse;
import static io.meshproof.report.html.PageChecks.select;
import static io.meshproof.report.html.PageChecks.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexPageTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String SVG_BREAKOUT = "</svg><img src=x onerror=alert(2)>";
    private static final String ATTRIBUTE_BREAKOUT = "\" onmouseover=\"alert(3)\" x='";

    @Test
    void everyTextFromScenariosTargetsAndOraclesIsShownAsText() {
        String html = IndexPage.render(hostileReport());

        PageChecks.assertNoActiveContent(html);
        Document doc = parse(html);
        assertThat(text(doc, "//section[1]//h2")).isEqualTo("Canary " + SCRIPT);
        assertThat(text(doc, "//h1")).contains(SVG_BREAKOUT);
        assertThat(doc.getDocumentElement().getTextContent())
                .contains(SCRIPT, SVG_BREAKOUT, ATTRIBUTE_BREAKOUT, "<b>note</b>", "detail " + SVG_BREAKOUT);
        assertThat(select(doc, "//svg//text[contains(., 'v1" + "</svg>')]").getLength())
                .as("a version name inside a chart stays text").isPositive();
    }

    @Test
    void theInjectionCheckCatchesAnUnescapedPage() {
        String naive = "<html><body><h2>Canary " + SCRIPT + "</h2></body></html>";
        String naiveSvg = "<html><body><svg><text>" + SVG_BREAKOUT + "</text></svg></body></html>";
        String naiveAttribute = "<html><body><a title=\"" + ATTRIBUTE_BREAKOUT + "\">x</a></body></html>";

        assertThatThrownBy(() -> PageChecks.assertNoActiveContent(naive)).hasMessageContaining("//script");
        assertThatThrownBy(() -> PageChecks.assertNoActiveContent(naiveSvg)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> PageChecks.assertNoActiveContent(naiveAttribute)).isInstanceOf(AssertionError.class);
    }

    @Test
    void thePagesReferenceNothingOutsideThemselves() {
        for (ConformanceReport r : List.of(SampleReports.passedLocal(), SampleReports.failingIstio(),
                SampleReports.linkerdEmulated(), hostileReport())) {
            PageChecks.assertSelfContained(IndexPage.render(r));
        }
    }

    @Test
    void theSelfContainedCheckCatchesExternalReferences() {
        for (String bad : List.of("<html><head><link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"/></head></html>",
                "<html><body><img src=\"//cdn.example.com/a.png\"/></body></html>",
                "<html><head><style>@import 'x.css';</style></head></html>",
                "<html><body><a href=\"http://example.org\">x</a></body></html>",
                "<html><body><script src=\"app.js\"></script></body></html>",
                "<html><body><a href=\"../../etc/passwd\">x</a></body></html>")) {
            assertThatThrownBy(() -> PageChecks.assertSelfContained(bad)).as(bad).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void splitLatencyAndStatusDataAreDrawnAsSvg() {
        Document doc = parse(IndexPage.render(SampleReports.passedLocal()));

        assertThat(select(doc, "//section[@id='s-reviews-canary-90-10']//svg[@aria-label="
                + "'observed share per version against the expected weight']").getLength()).isEqualTo(1);
        assertThat(select(doc, "//section[@id='s-reviews-canary-90-10']//svg[@aria-label="
                + "'observed share with its confidence interval against the bound']").getLength()).isEqualTo(1);
        assertThat(select(doc, "//section[@id='s-ratings-fault-delay-2s']//svg[starts-with(@aria-label, 'latency histogram')]"
                + "//text[.='p50 ≥ 1 s']").getLength()).as("the latency threshold is marked").isEqualTo(1);
        assertThat(select(doc, "//section[@id='s-reviews-instance-loss']//svg[starts-with(@aria-label, 'responses by status')]"
                + "//circle").getLength()).as("convergence, kill, ejection and restart are marked").isEqualTo(4);
        assertThat(text(doc, "//section[@id='s-reviews-instance-loss']//ol[@class='events']"))
                .contains("kill — reviews v1: 1 instance killed (SIGKILL)", "ejected", "converged");
        assertThat(select(doc, "//section[@id='s-control-plane-outage-keeps-routes']//svg").getLength())
                .as("no requests, no charts").isZero();
    }

    @Test
    void theSplitChartMarksEachVersionAndItsWeight() {
        Document doc = parse(IndexPage.render(SampleReports.failingIstio()));
        String chart = "//section[@id='s-reviews-canary-90-10']//svg[@aria-label='observed share per version against the expected weight']";

        assertThat(select(doc, chart + "//text[.='v1']").getLength()).isEqualTo(1);
        assertThat(select(doc, chart + "//text[.='v2']").getLength()).isEqualTo(1);
        assertThat(select(doc, chart + "//text[contains(@class, 'bad')]").getLength())
                .as("the versions outside their acceptance are red").isEqualTo(2);
        assertThat(select(doc, chart + "//text[contains(., 'expected 10%')]").getLength()).isEqualTo(1);
    }

    @Test
    void failuresComeFirstWithLinksToTheirSections() {
        Document doc = parse(IndexPage.render(SampleReports.failingIstio()));

        var links = select(doc, "//div[contains(@class, 'failures')]//a/@href");
        assertThat(links.getLength()).as("3 scenarios and their 3 failed checks").isEqualTo(6);
        for (int i = 0; i < links.getLength(); i++) {
            String target = links.item(i).getNodeValue().substring(1);
            assertThat(select(doc, "//*[@id='" + target + "']").getLength()).as(target).isEqualTo(1);
        }
        assertThat(text(doc, "//div[contains(@class, 'failures')]"))
                .contains("v2 answered 15.2%, outside its acceptance 5.7%..14.3%", "not observed in effect within 60 s");
        var rows = select(doc, "//table[@class='list']/tbody/tr/@class");
        assertThat(List.of(rows.item(0).getNodeValue(), rows.item(1).getNodeValue(), rows.item(2).getNodeValue()))
                .containsOnly("failed");
        assertThat(rows.item(3).getNodeValue()).isEqualTo("passed");
        assertThat(text(doc, "//div[contains(@class, 'verdict')]")).isEqualTo("3 of 6 scenarios failed. The failures are listed first below.");

        Document passed = parse(IndexPage.render(SampleReports.passedLocal()));
        assertThat(select(passed, "//div[contains(@class, 'failures')]").getLength()).isZero();
        assertThat(text(passed, "//div[contains(@class, 'verdict')]")).isEqualTo("All 6 scenarios that ran passed; 1 unsupported.");
    }

    @Test
    void theTopSaysWhatWasTestedAndHowTheRunWasMade() {
        Document doc = parse(IndexPage.render(SampleReports.failingIstio()));
        String header = text(doc, "//header");

        assertThat(header).contains("istio", "1.30.3", "k3s rancher/k3s:v1.33.4-k3s1", "false-failure budget 0.001 over 7 checks (Holm)",
                "missed violation 0.001 per check", "took 3 min 31 s");
        assertThat(select(doc, "//div[contains(concat(' ', @class, ' '), ' tile ')]").getLength()).isEqualTo(4);
    }

    @Test
    void theSamePageFromTheSameReportWhateverMapsItHolds() {
        ConformanceReport report = SampleReports.passedLocal();
        assertThat(IndexPage.render(report)).isEqualTo(IndexPage.render(report));
    }

    private static ConformanceReport hostileReport() {
        Map<String, Object> evidence = Map.of(
                EvidenceKeys.COUNTS, Map.of("v1" + SVG_BREAKOUT, 90, "v2", 10),
                EvidenceKeys.INTERVALS, Map.of("v1" + SVG_BREAKOUT, List.of(80.0, 95.0)),
                SCRIPT, ATTRIBUTE_BREAKOUT);
        CheckReport split = new CheckReport("split" + SCRIPT, "name " + ATTRIBUTE_BREAKOUT, Result.failed, 3,
                Map.of("v1" + SVG_BREAKOUT, 90, "v2", 10), Map.of("v1" + SVG_BREAKOUT, 90.0, "v2", 10.0), evidence,
                "message " + SCRIPT);
        CheckReport latency = new CheckReport("latency", SCRIPT, Result.failed, 4, Map.of("percentile", 50, "below", "5ms"),
                null, Map.of(EvidenceKeys.INTERVAL, List.of(4.0, 7.0)), SVG_BREAKOUT);
        Series series = Series.of(List.of(
                new Series.Sample(0, 5, 200, null, "v1" + SVG_BREAKOUT),
                new Series.Sample(10, 6, 200, null, "v2"),
                new Series.Sample(20, 1, 0, SCRIPT, null)));
        ScenarioReport s = new ScenarioReport("canary" + ATTRIBUTE_BREAKOUT, "Canary " + SCRIPT, "Traffic" + SVG_BREAKOUT,
                Support.emulated, Result.failed, 3, 10L, 100, "file" + SCRIPT + ".yaml", 2, "reason " + SVG_BREAKOUT,
                List.of(split, latency), List.of(new TimelineEvent(5, "kill" + SCRIPT, "detail " + SVG_BREAKOUT)),
                List.of("<b>note</b>"), series);
        RunInfo run = new RunInfo(SCRIPT, 1000, 1e-3, 1e-3, 2, SVG_BREAKOUT, Map.of("mesh." + SCRIPT, ATTRIBUTE_BREAKOUT));
        return ConformanceReport.of(new TargetInfo("istio" + SVG_BREAKOUT, SCRIPT, ATTRIBUTE_BREAKOUT), run, List.of(s));
    }
}
