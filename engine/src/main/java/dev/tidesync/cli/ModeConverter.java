package dev.tidesync.cli;

import dev.tidesync.config.SyncMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

final class ModeConverter implements ITypeConverter<SyncMode> {
    @Override
    public SyncMode convert(String value) {
        try {
            return SyncMode.fromLabel(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
