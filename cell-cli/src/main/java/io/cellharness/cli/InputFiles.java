package io.cellharness.cli;

import io.cellharness.core.limits.Limits;
import io.cellharness.core.model.ClusterSpec;
import io.cellharness.core.spec.Respelling;
import io.cellharness.core.spec.SpecCodec;
import io.cellharness.core.spec.SpecFormatException;
import io.cellharness.core.spec.SpecLocations;
import io.cellharness.core.spec.UserText;
import io.cellharness.core.validation.Problem;
import io.cellharness.core.validation.SpecValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Reading the user's files, every failure as one {@link InputError} line. A file must be a regular file no larger
 * than {@link Limits#INPUT_FILE_MAX_BYTES}, checked before a byte is read: {@code /dev/zero}, a named pipe or a
 * directory is refused at once instead of read forever.
 */
final class InputFiles {

    private InputFiles() {
    }

    /** A cluster document as read, where its values are, and the name it is shown under. */
    record LoadedCluster(ClusterSpec cluster, SpecLocations locations, String source) {
    }

    static String readText(Path file) {
        String shown = UserText.oneLine(file.toString());
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InputError(shown + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputError(shown + ": permission denied");
        } catch (FileSystemException e) {
            throw new InputError(shown + ": cannot be read (" + UserText.oneLine(e.getReason()) + ")");
        } catch (IOException | InvalidPathException e) {
            throw new InputError(shown + ": cannot be read");
        }
        if (a.isDirectory()) {
            throw new InputError(shown + ": is a directory, not a file");
        }
        if (!a.isRegularFile()) {
            throw new InputError(shown + ": not a regular file (a device, pipe or socket); give a YAML file");
        }
        if (a.size() > Limits.INPUT_FILE_MAX_BYTES) {
            throw new InputError(shown + ": " + a.size() + " bytes, larger than the " + Limits.INPUT_FILE_MAX_BYTES
                    + " a specification file may have");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // The file may have grown since it was measured: never read more than the limit and one byte.
            bytes = in.readNBytes((int) Limits.INPUT_FILE_MAX_BYTES + 1);
        } catch (AccessDeniedException e) {
            throw new InputError(shown + ": permission denied");
        } catch (IOException e) {
            throw new InputError(shown + ": cannot be read");
        }
        if (bytes.length > Limits.INPUT_FILE_MAX_BYTES) {
            throw new InputError(shown + ": larger than the " + Limits.INPUT_FILE_MAX_BYTES
                    + " bytes a specification file may have");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputError(shown + ": not UTF-8 text");
        }
    }

    static ClusterSpec readCluster(Path file) {
        return read(file, ClusterSpec.class);
    }

    /** A cluster file, noting values written in an accepted non-canonical spelling (C-01) in {@code respellings}. */
    static ClusterSpec readCluster(Path file, List<Respelling> respellings) {
        return readClusterLocated(file, respellings).value();
    }

    /** {@link #readCluster(Path, List)} with where each value starts. */
    static SpecCodec.Located<ClusterSpec> readClusterLocated(Path file, List<Respelling> respellings) {
        String source = UserText.oneLine(file.toString());
        try {
            return SpecCodec.readLocated(readText(file), source, ClusterSpec.class, respellings);
        } catch (SpecFormatException e) {
            throw new InputError(e.getMessage());
        }
    }

    static <T> T read(Path file, Class<T> type) {
        return readLocated(file, type).value();
    }

    static <T> SpecCodec.Located<T> readLocated(Path file, Class<T> type) {
        String source = UserText.oneLine(file.toString());
        try {
            return SpecCodec.readLocated(readText(file), source, type);
        } catch (SpecFormatException e) {
            throw new InputError(e.getMessage());
        }
    }

    /**
     * The gate every command that takes a cluster file passes (issue 19): read, then refuse a document whose values
     * the commands rely on are unusable (names missing or repeated, numbers out of range, a BMC half described).
     * Limits a VM breaks are each command's to report ({@code check} lists them, {@code render} skips that VM).
     */
    static LoadedCluster loadCluster(Path file) {
        SpecCodec.Located<ClusterSpec> read = readLocated(file, ClusterSpec.class);
        LoadedCluster loaded = new LoadedCluster(read.value(), read.locations(), UserText.oneLine(file.toString()));
        requireUsable(loaded.cluster(), loaded.locations(), loaded.source(), "");
        return loaded;
    }

    /** Refuses a cluster that fails {@link SpecValidator#usability}: its first problem, located, in one line. */
    static void requireUsable(ClusterSpec cluster, SpecLocations locations, String source, String prefix) {
        List<Problem> problems = SpecValidator.usability(cluster);
        if (!problems.isEmpty()) {
            throw new InputError(locate(problems.get(0), locations, source, prefix)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more; see 'cell check')" : ""));
        }
    }

    /** {@code file:line:column: path: ID value (limit L): message}. */
    static String locate(Problem p, SpecLocations locations, String source, String prefix) {
        String path = prefix.isEmpty() ? p.path() : prefix + "." + p.path();
        String limit = p.limit().isEmpty() ? "" : " (limit " + p.limit() + ")";
        return locations.format(source, path, p.id() + " " + UserText.quote(p.value()) + limit + ": " + p.message());
    }
}
