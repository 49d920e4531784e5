package dev.corescope.workload;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles a user workload class at test time into a jar that is NOT on the test classpath. */
public final class UserJar {
    public static final String CLASS = "com.example.MyWorkload";
    public static final String SOURCE = """
            package com.example;
            import dev.corescope.api.*;
            import java.util.SplittableRandom;
            public class MyWorkload implements Workload {
                public String name() { return "my-sum"; }
                public TaskOutput run(TaskInput in) {
                    SplittableRandom r = new SplittableRandom(in.seed());
                    long s = 0;
                    for (long i = 0; i < in.size(); i++) { s += r.nextInt(1000); }
                    return TaskOutput.of(s);
                }
            }
            """;
    public static final String NOT_A_WORKLOAD = """
            package com.example;
            public class Plain { }
            """;

    private UserJar() {
    }

    public static Path build(Path dir) throws IOException {
        Path src = dir.resolve("src/com/example");
        Files.createDirectories(src);
        Files.writeString(src.resolve("MyWorkload.java"), SOURCE);
        Files.writeString(src.resolve("Plain.java"), NOT_A_WORKLOAD);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                src.resolve("MyWorkload.java").toString(), src.resolve("Plain.java").toString());
        if (rc != 0) {
            throw new IllegalStateException("javac failed: " + rc);
        }
        Path jar = dir.resolve("my.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("MyWorkload", "Plain")) {
                out.putNextEntry(new JarEntry("com/example/" + name + ".class"));
                try (OutputStream ignored = OutputStream.nullOutputStream()) {
                    out.write(Files.readAllBytes(classes.resolve("com/example/" + name + ".class")));
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
