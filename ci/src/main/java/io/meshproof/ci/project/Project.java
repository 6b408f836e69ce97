package io.meshproof.ci.project;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Maven project a CI command runs in, read from its poms: the reactor's modules, the profiles, the main
 * classes. What a workflow may refer to is what this says exists.
 */
public final class Project {

    /** Where the engine writes its reports: its default {@code target/mesh-conformance} in the module that runs it. */
    public static final String REPORT_DIR = "scenarios/target/mesh-conformance";

    private static final Pattern MAIN_METHOD = Pattern.compile("public\\s+static\\s+void\\s+main\\s*\\(");
    /** A configuration parameter of the engine as its sources name it: "mesh.upgrade.from". */
    private static final Pattern ENGINE_PARAMETER = Pattern.compile("\"(mesh\\.[A-Za-z0-9.]+)\"");

    private final Path root;
    private final String groupId;
    /** module path relative to the root ("fixtures/bookinfo") -> its artifactId */
    private final Map<String, String> modules;
    private final Set<String> profiles;
    private Set<String> engineParameters;

    private Project(Path root, String groupId, Map<String, String> modules, Set<String> profiles) {
        this.root = root;
        this.groupId = groupId;
        this.modules = modules;
        this.profiles = profiles;
    }

    /** The project whose root (the directory with {@code pom.xml} and {@code .ci/run}) is {@code start} or above it. */
    public static Project locate(Path start) {
        Path abs = start.toAbsolutePath().normalize();
        for (Path dir = abs; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve(".ci/run"))) {
                return at(dir);
            }
        }
        throw new IllegalStateException("no project root at or above " + abs
                + ": looked for a directory holding both pom.xml and .ci/run; run from inside the meshproof checkout");
    }

    /** The project rooted at {@code root}. */
    public static Project at(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        Element pom = readPom(dir.resolve("pom.xml"));
        String groupId = text(pom, "groupId").orElse("");
        Map<String, String> modules = new LinkedHashMap<>();
        Set<String> profiles = new LinkedHashSet<>(profileIds(pom));
        collectModules(dir, dir, pom, modules, profiles);
        return new Project(dir, groupId, Collections.unmodifiableMap(modules),
                Collections.unmodifiableSortedSet(new TreeSet<>(profiles)));
    }

    public Path root() {
        return root;
    }

    public Path reportDir() {
        return root.resolve(REPORT_DIR);
    }

    /** Module paths relative to the root, as in {@code <modules>} (nested ones joined: {@code fixtures/bookinfo}). */
    public Set<String> modulePaths() {
        return modules.keySet();
    }

    /** Every profile id declared in the root pom or a module pom, sorted. */
    public Set<String> profiles() {
        return profiles;
    }

    /**
     * The module a {@code -pl} selector names: a path relative to the root ({@code reports}, {@code ./reports}) or
     * {@code [groupId]:artifactId}; empty when it names none.
     */
    public Optional<String> module(String selector) {
        if (selector.contains(":")) {
            String group = selector.substring(0, selector.indexOf(':'));
            String artifact = selector.substring(selector.indexOf(':') + 1);
            if (!group.isEmpty() && !group.equals(groupId)) {
                return Optional.empty();
            }
            return modules.entrySet().stream().filter(e -> e.getValue().equals(artifact)).map(Map.Entry::getKey).findFirst();
        }
        String path = root.relativize(root.resolve(selector).normalize()).toString().replace('\\', '/');
        return modules.containsKey(path) ? Optional.of(path) : Optional.empty();
    }

    /**
     * Whether {@code className} is a class with a {@code main} method in {@code src/main/java} of one of the given
     * modules (all modules when none are given).
     */
    public boolean hasMainClass(String className, Set<String> inModules) {
        String file = className.replace('.', '/') + ".java";
        for (String module : inModules.isEmpty() ? modules.keySet() : inModules) {
            Path source = root.resolve(module).resolve("src/main/java").resolve(file);
            try {
                if (Files.isRegularFile(source) && MAIN_METHOD.matcher(Files.readString(source)).find()) {
                    return true;
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + source + ": " + e.getMessage(), e);
            }
        }
        return false;
    }

    /**
     * The {@code mesh.*} configuration parameters the engine reads: every string literal that starts with {@code mesh.} in the
     * modules' main sources (DESIGN.md section 2 lists them; the sources are what counts).
     */
    public synchronized Set<String> engineParameters() {
        if (engineParameters == null) {
            TreeSet<String> found = new TreeSet<>();
            for (String module : modules.keySet()) {
                Path sources = root.resolve(module).resolve("src/main/java");
                if (!Files.isDirectory(sources)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                        Matcher m = ENGINE_PARAMETER.matcher(Files.readString(f));
                        while (m.find()) {
                            found.add(m.group(1));
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read the sources under " + sources + ": " + e.getMessage(), e);
                }
            }
            engineParameters = Collections.unmodifiableSortedSet(found);
        }
        return engineParameters;
    }

    private static void collectModules(Path root, Path dir, Element pom, Map<String, String> modules, Set<String> profiles) {
        for (String name : childTexts(pom, "modules", "module")) {
            Path moduleDir = dir.resolve(name).normalize();
            Path modulePom = moduleDir.resolve("pom.xml");
            if (!Files.isRegularFile(modulePom)) {
                throw new IllegalStateException(dir.resolve("pom.xml") + " lists module '" + name + "' but "
                        + modulePom + " does not exist");
            }
            Element child = readPom(modulePom);
            String path = root.relativize(moduleDir).toString().replace('\\', '/');
            modules.put(path, text(child, "artifactId").orElse(path));
            profiles.addAll(profileIds(child));
            collectModules(root, moduleDir, child, modules, profiles);
        }
    }

    private static List<String> profileIds(Element pom) {
        List<String> ids = new ArrayList<>();
        for (Element profile : children(pom, "profiles", "profile")) {
            text(profile, "id").ifPresent(ids::add);
        }
        return ids;
    }

    private static Element readPom(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(pom.toFile());
            return doc.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent, String container, String name) {
        List<Element> found = new ArrayList<>();
        for (Element c : directChildren(parent, container)) {
            found.addAll(directChildren(c, name));
        }
        return found;
    }

    private static List<String> childTexts(Element parent, String container, String name) {
        return children(parent, container, name).stream().map(e -> e.getTextContent().strip()).toList();
    }

    private static Optional<String> text(Element parent, String name) {
        return directChildren(parent, name).stream().findFirst().map(e -> e.getTextContent().strip());
    }

    private static List<Element> directChildren(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                found.add(e);
            }
        }
        return found;
    }
}
