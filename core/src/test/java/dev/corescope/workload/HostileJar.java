package dev.corescope.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Workload classes that misbehave while they load, compiled at test time into a jar that is not on the test
 * classpath: one that ends its JVM, one that hangs, one whose static initializer throws, one compiled "for a newer
 * Java" (its class file version patched to 65, Java 21), one that needs a class missing from the jar.
 */
public final class HostileJar {
    public static final String EXITS = "com.example.hostile.ExitsOnLoad";
    public static final String HANGS = "com.example.hostile.HangsOnLoad";
    public static final String THROWS = "com.example.hostile.ThrowsOnLoad";
    public static final String NEWER = "com.example.hostile.NewerJava";
    public static final String MISSING = "com.example.hostile.NeedsMissing";

    private static final String BODY = """
                public String name() { return "hostile"; }
                public TaskOutput run(TaskInput in) { return TaskOutput.of(in.size()); }
            }
            """;
    private static final Map<String, String> SOURCES = Map.of(
            "ExitsOnLoad", "public class ExitsOnLoad implements Workload {\n"
                    + "    static { System.out.println(\"bye from a static initializer\"); System.exit(3); }\n" + BODY,
            "HangsOnLoad", "public class HangsOnLoad implements Workload {\n"
                    + "    static { while (Boolean.parseBoolean(\"true\")) { try { Thread.sleep(1000); } catch (InterruptedException e) { } } }\n"
                    + BODY,
            "ThrowsOnLoad", "public class ThrowsOnLoad implements Workload {\n"
                    + "    static { if (Boolean.parseBoolean(\"true\")) throw new IllegalStateException(\"boom\"); }\n"
                    + BODY,
            "NewerJava", "public class NewerJava implements Workload {\n" + BODY,
            "NeedsMissing", "public class NeedsMissing implements Workload {\n"
                    + "    static final Object HELPER = new Helper();\n" + BODY,
            "Helper", "public class Helper { }\n");

    private HostileJar() {
    }

    public static Path build(Path dir) throws IOException {
        Path src = dir.resolve("src/com/example/hostile");
        Files.createDirectories(src);
        List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString(), "-cp",
                System.getProperty("java.class.path")));
        for (var e : SOURCES.entrySet()) {
            Path f = src.resolve(e.getKey() + ".java");
            Files.writeString(f, "package com.example.hostile;\nimport dev.corescope.api.*;\n" + e.getValue());
            args.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("javac failed");
        }
        Path classes = dir.resolve("classes/com/example/hostile");
        byte[] newer = Files.readAllBytes(classes.resolve("NewerJava.class"));
        newer[6] = 0;
        newer[7] = 65; // major version 65: Java 21
        Files.write(classes.resolve("NewerJava.class"), newer);
        Path jar = dir.resolve("hostile.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : SOURCES.keySet()) {
                if (name.equals("Helper")) {
                    continue; // NeedsMissing's dependency is left out
                }
                out.putNextEntry(new JarEntry("com/example/hostile/" + name + ".class"));
                out.write(Files.readAllBytes(classes.resolve(name + ".class")));
                out.closeEntry();
            }
        }
        return jar;
    }
}
