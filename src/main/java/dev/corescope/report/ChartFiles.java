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
}
