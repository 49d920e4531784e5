package dev.corescope.cli;

import dev.corescope.exec.WorkerMode;
import picocli.CommandLine;

/** {@code --mode threads|processes}, as {@link WorkerMode#parse} reads it; anything else is a usage error. */
final class WorkerModeConverter implements CommandLine.ITypeConverter<WorkerMode> {
    @Override
    public WorkerMode convert(String value) {
        try {
            return WorkerMode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("expected threads or processes but was '" + value + "'");
        }
    }
}
