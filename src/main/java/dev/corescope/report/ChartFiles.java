package dev.corescope.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Saves a chart as PNG and SVG side by side; returns the files written. */
public final class ChartFiles {
    private ChartFiles() {
    }

    public static List<Path> save(Chart<?, ?> chart, Path dir, String baseName) {
        System.setProperty("java.awt.headless", "true");
        Path base = dir.resolve(baseName);
        List<Path> files = new ArrayList<>();
        try {
            BitmapEncoder.saveBitmapWithDPI(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG, 120);
            files.add(dir.resolve(baseName + ".png"));
            VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            files.add(dir.resolve(baseName + ".svg"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + base + ": " + e.getMessage(), e);
        }
        return files;
    }
}
