package dev.corescope.report.html;

import java.io.StringReader;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * An SVG chart file turned into markup that can sit inside an HTML page, through an allow-list: the
 * document is parsed as XML (no DTD fetched, no entity expanded) and written out again with only the
 * SVG elements and attributes that charts use ({@link #ELEMENTS}, {@link #ATTRIBUTES}; enough for
 * XChart's output through VectorGraphics2D). Everything else is dropped with its content: scripts,
 * {@code <foreignObject>}, links, animation, and any element that is not SVG, such as {@code <p>} or
 * {@code <meta>}, which an HTML parser would lift out of the {@code <svg>} into the page. Attribute
 * values may only hold numbers, names, colours and the functions of {@link #FUNCTIONS}; a
 * {@code url(...)} must name a fragment of the same chart; {@code style} keeps only the declarations
 * of {@link #STYLE_PROPERTIES}. Ids are prefixed so that several charts on one page do not collide.
 */
final class SvgInline {
    static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** SVG elements kept (with their allowed attributes and children). */
    static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "clipPath", "path", "rect", "circle", "ellipse",
            "line", "polyline", "polygon", "text", "tspan", "title", "desc");
    /** Elements whose text content is kept. */
    private static final Set<String> TEXT_ELEMENTS = Set.of("text", "tspan", "title", "desc");
    /** Attributes kept (no namespace), their values checked by {@link #safeValue}. */
    static final Set<String> ATTRIBUTES = Set.of("id", "x", "y", "width", "height", "viewBox", "preserveAspectRatio",
            "d", "cx", "cy", "r", "rx", "ry", "x1", "y1", "x2", "y2", "points", "transform", "clip-path", "clip-rule",
            "clipPathUnits", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity",
            "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
            "opacity", "font-family", "font-size", "font-style", "font-weight", "text-anchor", "dominant-baseline",
            "style");
    /** CSS properties kept in a {@code style} attribute. */
    static final Set<String> STYLE_PROPERTIES = Set.of("fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
            "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
            "stroke-dashoffset", "opacity", "font-family", "font-size", "font-style", "font-weight", "text-anchor",
            "dominant-baseline", "clip-path", "clip-rule", "visibility", "shape-rendering", "text-rendering");
    /** The functions a value may call ({@code url} only with a local fragment). */
    static final Set<String> FUNCTIONS = Set.of("rgb", "rgba", "icc-color", "translate", "matrix", "scale", "rotate",
            "skewX", "skewY", "url");
    /** Characters a value may hold: no markup, no escapes, no colon (so no scheme), no at-rule. */
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9 \\t\\n.,%#()+_'\"-]*");
    private static final Pattern FUNCTION = Pattern.compile("([A-Za-z][A-Za-z0-9-]*)\\s*\\(");
    private static final Pattern URL = Pattern.compile("url\\(\\s*([^)]*?)\\s*\\)");
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private SvgInline() {
    }

    /** The SVG markup, or throws {@link IllegalArgumentException} when the text is not an SVG document. */
    static String inline(String svgText, String idPrefix) {
        Document doc = parse(svgText);
        Element root = doc.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
            throw new IllegalArgumentException("the root element is <" + root.getNodeName() + ">, not an SVG <svg>");
        }
        StringBuilder out = new StringBuilder(svgText.length());
        write(root, idPrefix, true, out);
        return out.toString();
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

    private static void write(Element e, String prefix, boolean root, StringBuilder out) {
        String name = e.getLocalName();
        out.append('<').append(name);
        if (root) {
            out.append(" xmlns=\"").append(SVG_NS).append('"');
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String value = attribute(a, prefix, root && e.hasAttribute("viewBox"));
            if (value != null) {
                out.append(' ').append(a.getLocalName()).append("=\"").append(Html.escape(value)).append('"');
            }
        }
        out.append('>');
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                if (SVG_NS.equals(c.getNamespaceURI()) && ELEMENTS.contains(c.getLocalName())
                        && !"svg".equals(c.getLocalName())) {
                    write((Element) c, prefix, false, out);
                }
            } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                if (TEXT_ELEMENTS.contains(name) || c.getNodeValue().isBlank()) {
                    out.append(Html.escape(c.getNodeValue()));
                }
            }
            // comments, processing instructions, entity references: dropped
        }
        out.append("</").append(name).append('>');
    }

    /**
     * The value to write for an attribute, or null to drop it.
     *
     * @param sizedByViewBox the root's width and height give way to CSS, keeping the viewBox's aspect ratio
     */
    private static String attribute(Attr a, String prefix, boolean sizedByViewBox) {
        String name = a.getLocalName();
        if (a.getNamespaceURI() != null || name == null || !ATTRIBUTES.contains(name)) {
            return null; // xlink:href, xml:base, on* handlers, href, xmlns declarations (written anew)...
        }
        if (sizedByViewBox && (name.equals("width") || name.equals("height"))) {
            return null;
        }
        if (a.getOwnerElement().getParentNode().getNodeType() == Node.DOCUMENT_NODE
                && (name.equals("x") || name.equals("y"))) {
            return null;
        }
        String value = a.getValue();
        if (name.equals("id")) {
            return ID.matcher(value).matches() ? prefix + value : null;
        }
        if (name.equals("style")) {
            return style(value, prefix);
        }
        return safeValue(value, prefix);
    }

    /** The declarations of {@link #STYLE_PROPERTIES} with safe values, or null when none is left. */
    private static String style(String css, String prefix) {
        StringBuilder kept = new StringBuilder();
        for (String declaration : css.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String property = declaration.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = safeValue(declaration.substring(colon + 1).trim(), prefix);
            if (STYLE_PROPERTIES.contains(property) && value != null && !value.isEmpty()) {
                kept.append(property).append(':').append(value).append(';');
            }
        }
        return kept.length() == 0 ? null : kept.toString();
    }

    /**
     * {@code value} when it holds only {@link #VALUE} characters and calls only {@link #FUNCTIONS}, with
     * each {@code url(#id)} prefixed; null when it has anything else (a {@code url()} elsewhere included).
     */
    static String safeValue(String value, String prefix) {
        if (!VALUE.matcher(value).matches()) {
            return null;
        }
        Matcher f = FUNCTION.matcher(value);
        while (f.find()) {
            if (!FUNCTIONS.contains(f.group(1))) {
                return null;
            }
        }
        Matcher u = URL.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (u.find()) {
            String ref = u.group(1);
            if (!ref.startsWith("#") || !ID.matcher(ref.substring(1)).matches()) {
                return null;
            }
            u.appendReplacement(sb, Matcher.quoteReplacement("url(#" + prefix + ref.substring(1) + ")"));
        }
        u.appendTail(sb);
        return sb.toString();
    }
}
