package dev.corescope.report;

import dev.corescope.store.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Saves a chart as PNG and SVG side by side; returns the files written. Each goes through
 * {@link AtomicFile} (a temp file renamed over the target), so a symlink planted in the run directory
 * is replaced, never written through.
 */
public final class ChartFiles {
    private ChartFiles() {
    }

    public static List<Path> save(Chart<?, ?> chart, Path dir, String baseName) {
        System.setProperty("java.awt.headless", "true");
        ChartStyle.fitLegend(chart);
        Path png = dir.resolve(baseName + ".png");
        Path svg = dir.resolve(baseName + ".svg");
        try {
            AtomicFile.writeVia(png, ".png", tmp ->
                    BitmapEncoder.saveBitmapWithDPI(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG, 120));
            AtomicFile.writeStream(svg, out ->
                    VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + dir.resolve(baseName) + ": " + e.getMessage(), e);
        }
        return List.of(png, svg);
    }

    /** A chart and the base name of its files. */
    public record Named(Chart<?, ?> chart, String baseName) {
    }

    /**
     * Saves several charts, each on a thread of its own (they are drawn after the measurement, when the
     * CPUs are free; drawing is the slowest step after a verdict, ~0.5 s a chart with the JIT cold).
     */
    public static List<Path> saveAll(List<Named> charts, Path dir) {
        List<java.util.concurrent.CompletableFuture<List<Path>>> all = new java.util.ArrayList<>();
        for (Named n : charts) {
            all.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> save(n.chart(), dir, n.baseName()), r -> {
                Thread t = new Thread(r, "corescope-chart-" + n.baseName());
                t.setDaemon(true);
                t.start();
            }));
        }
        List<Path> files = new java.util.ArrayList<>();
        for (var f : all) {
            try {
                files.addAll(f.join());
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return files;
    }
}
