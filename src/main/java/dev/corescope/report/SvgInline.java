package dev.corescope.report;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * An SVG chart file turned into markup that can sit inside an HTML page: the XML prolog and DOCTYPE
 * dropped (the DTD is never fetched), ids prefixed so that several charts on one page do not collide,
 * and anything active or external removed (scripts, foreign objects, event handler attributes, links
 * other than same-document ones and {@code data:image/} URIs), so a run directory from elsewhere cannot
 * make the report run code or fetch anything.
 */
final class SvgInline {
    private static final Pattern URL_REF = Pattern.compile("url\\(\\s*#([^)\\s]+)\\s*\\)");
    /** Elements that run code, fetch, restyle the page or rewrite attributes: removed with their content. */
    private static final List<String> DROPPED = List.of("script", "style", "foreignobject", "iframe", "object", "embed",
            "audio", "video", "handler", "listener", "animate", "set", "animatemotion", "animatetransform", "discard");

    private SvgInline() {
    }

    /** The SVG markup, or throws {@link IllegalArgumentException} when the text is not an SVG document. */
    static String inline(String svgText, String idPrefix) {
        Document doc = parse(svgText);
        Element root = doc.getDocumentElement();
        if (!"svg".equals(localName(root))) {
            throw new IllegalArgumentException("the root element is <" + root.getNodeName() + ">, not <svg>");
        }
        clean(root, idPrefix);
        // Sized by the page (CSS), keeping the viewBox's aspect ratio.
        if (root.hasAttribute("viewBox")) {
            root.removeAttribute("width");
            root.removeAttribute("height");
        }
        root.removeAttribute("x");
        root.removeAttribute("y");
        return serialize(root);
    }

    private static Document parse(String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(text)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a well-formed SVG document: " + e.getMessage(), e);
        }
    }

    private static void clean(Element e, String prefix) {
        List<Node> children = new ArrayList<>();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            children.add(c);
        }
        for (Node c : children) {
            switch (c.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    if (DROPPED.contains(localName(c).toLowerCase(Locale.ROOT))) {
                        e.removeChild(c);
                    } else {
                        clean((Element) c, prefix);
                    }
                }
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    if (c.getNodeType() == Node.CDATA_SECTION_NODE) {
                        e.replaceChild(e.getOwnerDocument().createTextNode(c.getNodeValue()), c);
                    }
                }
                default -> e.removeChild(c); // comments, processing instructions, entity references
            }
        }
        NamedNodeMap attrs = e.getAttributes();
        List<Attr> list = new ArrayList<>();
        for (int i = 0; i < attrs.getLength(); i++) {
            list.add((Attr) attrs.item(i));
        }
        for (Attr a : list) {
            String name = localName(a).toLowerCase(Locale.ROOT);
            String value = a.getValue();
            if (name.startsWith("on")) {
                e.removeAttributeNode(a);
            } else if (name.equals("id")) {
                a.setValue(prefix + value);
            } else if (name.equals("href") || name.equals("src")) {
                String v = value.trim();
                if (v.startsWith("#")) {
                    a.setValue("#" + prefix + v.substring(1));
                } else if (!v.toLowerCase(Locale.ROOT).startsWith("data:image/")
                        || v.toLowerCase(Locale.ROOT).startsWith("data:image/svg")) {
                    e.removeAttributeNode(a);
                }
            } else if (value.contains("url(")) {
                a.setValue(prefixUrls(value, prefix));
            } else if (name.equals("style") && value.contains("@import")) {
                e.removeAttributeNode(a);
            }
        }
    }

    /** {@code url(#x)} becomes {@code url(#<prefix>x)}; any other {@code url(...)} becomes {@code none}. */
    private static String prefixUrls(String value, String prefix) {
        Matcher m = URL_REF.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement("url(#" + prefix + m.group(1) + ")"));
        }
        m.appendTail(sb);
        return sb.toString().replaceAll("url\\((?!#)[^)]*\\)", "none");
    }

    private static String localName(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }

    private static String serialize(Element root) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.METHOD, "xml");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(root), new StreamResult(w));
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise the SVG: " + e.getMessage(), e);
        }
    }
}
