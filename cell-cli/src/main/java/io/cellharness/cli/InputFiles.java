package io.cellharness.cli;

import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.spec.Respelling;
import io.cellharness.core.spec.SpecCodec;
import io.cellharness.core.spec.SpecFormatException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reading the user's files, every failure as one {@link InputError} line. */
final class InputFiles {

    private InputFiles() {
    }

    static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputError(file + ": is a directory, not a file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputError(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputError(file + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new InputError(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new InputError(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    static ClusterSpec readCluster(Path file) {
        return read(file, ClusterSpec.class);
    }

    /** A cluster file, noting values written in an accepted non-canonical spelling (C-01) in {@code respellings}. */
    static ClusterSpec readCluster(Path file, List<Respelling> respellings) {
        try {
            return SpecCodec.readCluster(readText(file), file.toString(), respellings);
        } catch (SpecFormatException e) {
            throw new InputError(e.getMessage());
        }
    }

    static <T> T read(Path file, Class<T> type) {
        try {
            return SpecCodec.read(readText(file), file.toString(), type);
        } catch (SpecFormatException e) {
            throw new InputError(e.getMessage());
        }
    }
}
