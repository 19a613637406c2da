package io.cellharness.reports.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The one way the project writes a file (traces, failure lists, reports, JSON summaries).
 *
 * <ul>
 *   <li>A path the user named is taken as named: its symlinks are followed (the user chose them), then the real file
 *       must be a regular file or absent, in a real directory. {@code /dev/stdout}, a pipe, a device or a directory
 *       is refused, never replaced.</li>
 *   <li>A file name the project derives inside such a directory ({@code index.html}, {@code summary.json}) is never
 *       followed: a symlink there is refused.</li>
 *   <li>A symlink the user named that sits in a sticky, world-writable directory (like {@code /tmp}) and belongs to
 *       someone else is refused, as the kernel's {@code protected_symlinks} does.</li>
 *   <li>The temporary file has a random name and is created with {@code CREATE_NEW} and {@code NOFOLLOW_LINKS}
 *       ({@code O_EXCL}/{@code O_NOFOLLOW}) in the target's real directory, then renamed atomically over the target.</li>
 * </ul>
 *
 * {@link #prepare} does every check and creates the temporary file, so a caller that prepares before its run learns
 * of an unusable path before the run, not after it.
 */
public final class SafeOutput {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SafeOutput() {
    }

    /** Whether the path was typed by the user (symlinks followed) or derived by the project (symlinks refused). */
    public enum Origin { GIVEN, DERIVED }

    /**
     * A prepared output: the temporary file exists and is open for writing; {@link #commit} renames it over the target,
     * {@link #close} without commit removes it.
     */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private final Writer writer;
        private boolean done;

        private Pending(Path target, Path tmp, Writer writer) {
            this.target = target;
            this.tmp = tmp;
            this.writer = writer;
        }

        /** The real path the file will have. */
        public Path target() {
            return target;
        }

        public Writer writer() {
            return writer;
        }

        /** Flushes, closes and renames the temporary file over the target (which is checked again first). */
        public Path commit() throws IOException {
            writer.close();
            checkLeaf(target, Origin.DERIVED, target.toString());
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new OutputRefusedException(target + ": cannot be replaced atomically here");
            }
            done = true;
            return target;
        }

        /** Removes the temporary file at once, from any thread (an interrupted run's shutdown hook). */
        public void discard() {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // best effort: the run is ending anyway
            }
        }

        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                try {
                    writer.close();
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        }
    }

    /** Checks {@code target} as {@link #prepare} does, including creating (and removing) a temporary file beside it. */
    public static Path check(Path target, Origin origin) throws IOException {
        try (Pending p = prepare(target, origin)) {
            return p.target();
        }
    }

    /** Writes {@code text} as UTF-8 to {@code target} (creating missing parent directories of a derived target). */
    public static Path write(Path target, Origin origin, String text) throws IOException {
        try (Pending p = prepare(target, origin)) {
            p.writer().write(text);
            return p.commit();
        }
    }

    /** Checks the target and opens a temporary file for it beside it; nothing is replaced until {@link Pending#commit}. */
    public static Pending prepare(Path target, Origin origin) throws IOException {
        String shown = target.toString();
        Path real = resolve(target, origin, shown);
        Path dir = real.getParent();
        Path tmp = null;
        FileChannel channel = null;
        for (int attempt = 0; channel == null; attempt++) {
            byte[] bytes = new byte[8];
            RANDOM.nextBytes(bytes);
            tmp = dir.resolve("." + real.getFileName() + "." + HexFormat.of().formatHex(bytes) + ".tmp");
            try {
                channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw new OutputRefusedException(shown + ": cannot create a temporary file beside it");
                }
            } catch (java.nio.file.AccessDeniedException e) {
                throw new OutputRefusedException(shown + ": directory " + dir + " is not writable");
            } catch (FileSystemException e) {
                throw new OutputRefusedException(shown + ": directory " + dir + " is not writable ("
                        + reason(e) + ")");
            }
        }
        // The file gets the mode any new file gets here (rw-rw-rw- less the user's umask): FileChannel.open creates it
        // that way, unlike Files.createTempFile's owner-only mode, so a report is as readable as the user's files.
        Writer w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
        return new Pending(real, tmp, w);
    }

    /** The real target path, its directory made real; refuses what must not be written. */
    static Path resolve(Path target, Origin origin, String shown) throws IOException {
        Path abs;
        try {
            abs = target.toAbsolutePath().normalize();
        } catch (InvalidPathException | java.io.IOError e) {
            throw new OutputRefusedException("'" + shown + "' is not a usable path");
        }
        if (abs.getFileName() == null) {
            throw new OutputRefusedException(shown + ": is a directory, not a file");
        }
        Path leaf = abs;
        if (origin == Origin.GIVEN && Files.isSymbolicLink(abs)) {
            refuseForeignLinkInStickyDir(abs, shown);
            try {
                leaf = abs.toRealPath();
            } catch (NoSuchFileException e) {
                throw new OutputRefusedException(shown + ": a symlink to nothing");
            } catch (FileSystemException e) {
                throw new OutputRefusedException(shown + ": cannot be resolved (" + reason(e) + ")");
            }
        }
        Path parent = leaf.getParent();
        if (origin == Origin.DERIVED && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectories(parent);
            } catch (FileSystemException e) {
                throw new OutputRefusedException(shown + ": directory " + parent + " cannot be created (" + reason(e) + ")");
            }
        }
        Path realDir;
        try {
            realDir = parent.toRealPath();
        } catch (NoSuchFileException e) {
            throw new OutputRefusedException(shown + ": directory " + parent + " does not exist");
        } catch (FileSystemException e) {
            throw new OutputRefusedException(shown + ": directory " + parent + " cannot be used (" + reason(e) + ")");
        }
        if (!Files.isDirectory(realDir, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputRefusedException(shown + ": " + parent + " is not a directory");
        }
        if (realDir.startsWith("/proc") || realDir.startsWith("/dev") || realDir.startsWith("/sys")) {
            throw new OutputRefusedException(shown + ": not a regular file (a device or process file)");
        }
        Path real = realDir.resolve(leaf.getFileName().toString());
        checkLeaf(real, Origin.DERIVED, shown);
        return real;
    }

    /** The leaf must be absent or a regular file that is no symlink. */
    private static void checkLeaf(Path real, Origin origin, String shown) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        } catch (FileSystemException e) {
            throw new OutputRefusedException(shown + ": cannot be used (" + reason(e) + ")");
        }
        if (a.isSymbolicLink()) {
            throw new OutputRefusedException(shown + ": is a symlink; name the file it points to instead");
        }
        if (a.isDirectory()) {
            throw new OutputRefusedException(shown + ": is a directory, not a file");
        }
        if (!a.isRegularFile()) {
            throw new OutputRefusedException(shown + ": not a regular file (a device, pipe or socket); refused");
        }
    }

    private static void refuseForeignLinkInStickyDir(Path link, String shown) throws IOException {
        Path dir = link.getParent();
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            PosixFileAttributes d = Files.readAttributes(dir, PosixFileAttributes.class);
            PosixFileAttributes l = Files.readAttributes(link, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            boolean worldWritable = d.permissions().contains(PosixFilePermission.OTHERS_WRITE);
            Object sticky = Files.getAttribute(dir, "unix:mode");
            boolean isSticky = sticky instanceof Integer mode && (mode & 01000) != 0;
            if (worldWritable && isSticky && !l.owner().equals(d.owner())
                    && !l.owner().getName().equals(System.getProperty("user.name"))) {
                throw new OutputRefusedException(shown + ": a symlink owned by " + l.owner().getName()
                        + " in a shared directory; refused");
            }
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // No unix attributes: nothing more to check.
        }
    }

    private static String reason(FileSystemException e) {
        String r = e.getReason();
        return r == null ? "cannot be used" : r.toLowerCase(java.util.Locale.ROOT);
    }
}
