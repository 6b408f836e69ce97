package io.meshproof.report.html;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What the tests demand of every page, as checks that throw on a page that breaks them. The pages
 * are written well-formed so they can be parsed here as XML: an injected tag either breaks the
 * parse or shows up as an element.
 */
public final class PageChecks {

    private static final Pattern EXTERNAL = Pattern.compile(
            "(?i)(https?:|//[a-z0-9.-]+\\.[a-z]{2,}|<script|<link|<iframe|<object|<embed|@import|url\\()");

    private PageChecks() {}

    public static Document parse(String html) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e; // reported through the AssertionError below, not printed
                }
            });
            return builder.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("the page is not well-formed: " + e.getMessage(), e);
        }
    }

    public static NodeList select(Document doc, String xpath) {
        try {
            return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
        } catch (Exception e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    public static String text(Document doc, String xpath) {
        NodeList nodes = select(doc, xpath);
        if (nodes.getLength() == 0) {
            throw new AssertionError("nothing at " + xpath);
        }
        return nodes.item(0).getTextContent();
    }

    /** No element or attribute that runs code or loads anything: the payloads are text only. */
    public static void assertNoActiveContent(String html) {
        Document doc = parse(html);
        for (String forbidden : new String[] {"//script", "//img", "//iframe", "//object", "//embed", "//link",
                "//*[starts-with(translate(local-name(), 'ON', 'on'), 'on')]", "//@*[starts-with(translate(local-name(), 'ON', 'on'), 'on')]"}) {
            if (select(doc, forbidden).getLength() > 0) {
                throw new AssertionError("the page holds active content: " + forbidden);
            }
        }
    }

    /** Nothing the page would fetch: no scheme, no protocol-relative address, no script, link or import. */
    public static void assertSelfContained(String html) {
        var m = EXTERNAL.matcher(html);
        if (m.find()) {
            int from = Math.max(0, m.start() - 60);
            throw new AssertionError("external reference '" + m.group() + "' near: "
                    + html.substring(from, Math.min(html.length(), m.end() + 60)));
        }
        Document doc = parse(html);
        NodeList refs = select(doc, "//@href | //@src | //@xlink:href");
        for (int i = 0; i < refs.getLength(); i++) {
            String v = refs.item(i).getNodeValue();
            if (!v.startsWith("#") && !v.matches("[A-Za-z0-9._-]+")) {
                throw new AssertionError("a reference that is neither an anchor nor a sibling file: " + v);
            }
        }
    }
}
