package certrenewal.adapters.pki;

import certrenewal.application.port.out.AuditCheckpointPort;
import certrenewal.domain.audit.AuditCheckpoint;
import certrenewal.domain.audit.CheckpointLine;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The audit trail's checkpoints in an append-only text file, one line each:
 * <pre>v1 &lt;seq&gt; &lt;hash&gt; &lt;time&gt; &lt;signature&gt;</pre>
 * e.g. {@code v1 57 9f86…08 2026-05-04T03:00:00.123Z MEUCIQ…}: the format, the last record's
 * sequence number, its chain hash (64 hex digits), the time (ISO-8601, UTC) and, in Base64, the
 * audit key's signature over the ASCII text {@code certrenewal-audit-checkpoint v1 <seq> <hash> <time>}
 * (the line's first four fields after that prefix; for an EC key SHA256withECDSA, DER-encoded, as
 * {@code openssl dgst -sha256 -verify} checks it).
 *
 * <p>Each checkpoint is one write to the file opened for appending, forced to disk before
 * {@link #append} returns; nothing here truncates or rewrites the file. A last line cut short (by
 * a crash mid-write, or by someone cutting the file) stays as it is and reads as unreadable; the
 * next checkpoint marks it {@value #CUT_MARK} and starts on a line of its own.
 */
public final class SignedCheckpointFile implements AuditCheckpointPort {
    static final String FORMAT = "v1";
    /** Prefixed to what is signed, so that the audit key's signature over a checkpoint means nothing else. */
    static final String SIGNED_PREFIX = "certrenewal-audit-checkpoint ";
    /** Ends a line cut short (never Base64, never a field of its own that parses): see {@link #endOfCutLine()}. */
    static final String CUT_MARK = " -cut-";
    private static final Pattern SEQ = Pattern.compile("[1-9][0-9]{0,17}");

    private final Path file;
    private final PrivateKey signingKey;
    private final PublicKey verifyingKey;
    /** The newest checkpoint in the file; null until first asked or written. */
    private Optional<AuditCheckpoint> latest;

    /**
     * Creates the file's directory now, so that a path that cannot be written stops the start
     * rather than the first checkpoint.
     */
    public SignedCheckpointFile(Path file, AuditKeyMaterial key) {
        Objects.requireNonNull(key, "audit key must not be null");
        this.file = file.toAbsolutePath();
        this.signingKey = key.privateKey();
        this.verifyingKey = key.certificate().getPublicKey();
        try {
            Files.createDirectories(this.file.getParent());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the directory of the audit checkpoint file " + this.file, e);
        }
        if (Files.exists(this.file) && !(Files.isRegularFile(this.file) && Files.isWritable(this.file))) {
            throw new IllegalStateException("audit checkpoint file " + this.file + " is not a writable file");
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void append(AuditCheckpoint checkpoint) {
        String fields = FORMAT + " " + checkpoint.seq() + " " + checkpoint.hash() + " " + checkpoint.at();
        String signature = Base64.getEncoder().encodeToString(
                CheckpointSignatures.sign(signingKey, signed(fields)));
        String line = fields + " " + signature + "\n";
        boolean created = !Files.exists(file);
        byte[] bytes = (endOfCutLine() + line).getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the audit checkpoint file " + file, e);
        }
        if (created) {
            forceDirectory();
        }
        latest = Optional.of(checkpoint);
    }

    /** The last line that is a checkpoint, its signature unchecked (but a last line cut short must verify). */
    @Override
    public synchronized Optional<AuditCheckpoint> latest() {
        if (latest == null) {
            AuditCheckpoint[] last = new AuditCheckpoint[1];
            forEachLine((number, text, complete) -> parse(text).filter(p -> complete || verifies(p))
                    .ifPresent(p -> last[0] = p.checkpoint()));
            latest = Optional.ofNullable(last[0]);
        }
        return latest;
    }

    /**
     * Every line: signed, with a bad signature, or unreadable. A last line without its line end
     * whose signature verifies lost nothing but that line end; any other is a write cut short (or a
     * file cut), hence unreadable rather than forged.
     */
    @Override
    public synchronized List<CheckpointLine> readAll() {
        List<CheckpointLine> lines = new ArrayList<>();
        forEachLine((number, text, complete) -> {
            Optional<Parsed> parsed = parse(text);
            if (parsed.isEmpty()) {
                lines.add(new CheckpointLine.Unreadable(number));
            } else if (verifies(parsed.get())) {
                lines.add(new CheckpointLine.Signed(number, parsed.get().checkpoint()));
            } else {
                lines.add(complete ? new CheckpointLine.BadSignature(number, parsed.get().checkpoint())
                        : new CheckpointLine.Unreadable(number));
            }
        });
        return lines;
    }

    private boolean verifies(Parsed line) {
        return CheckpointSignatures.verify(verifyingKey, signed(line.fields()), line.signature());
    }

    private static byte[] signed(String fields) {
        return (SIGNED_PREFIX + fields).getBytes(StandardCharsets.US_ASCII);
    }

    /** A line that has the checkpoint's shape, and what its signature is to cover. */
    private record Parsed(AuditCheckpoint checkpoint, String fields, byte[] signature) {
    }

    private static Optional<Parsed> parse(String text) {
        String[] fields = text.split(" ", -1);
        if (fields.length != 5 || !FORMAT.equals(fields[0]) || !SEQ.matcher(fields[1]).matches()) {
            return Optional.empty();
        }
        try {
            AuditCheckpoint checkpoint = new AuditCheckpoint(Long.parseLong(fields[1]), fields[2], Instant.parse(fields[3]));
            byte[] signature = Base64.getDecoder().decode(fields[4]);
            return Optional.of(new Parsed(checkpoint, text.substring(0, text.lastIndexOf(' ')), signature));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @FunctionalInterface
    private interface LineReader {
        /** @param complete whether the line ended with its line end, rather than with the file */
        void read(int number, String text, boolean complete);
    }

    /** Reads the file a line at a time, however long it has grown; none when it does not exist yet. */
    private void forEachLine(LineReader reader) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            int number = 0;
            for (int b = in.read(); b != -1; b = in.read()) {
                if (b == '\n') {
                    reader.read(++number, line.toString(StandardCharsets.ISO_8859_1), true);
                    line.reset();
                } else {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                reader.read(++number, line.toString(StandardCharsets.ISO_8859_1), false);
            }
        } catch (NoSuchFileException e) {
            // no checkpoint written yet
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoint file " + file, e);
        }
    }

    /**
     * What ends a last line left without its line end, before the next checkpoint: the line end
     * alone if the line still verifies (it lost nothing else), else {@value #CUT_MARK} and the line
     * end, so that it reads as cut short (unreadable) for good, not as an edited line. The file is
     * read whole only then, after a crash.
     */
    private String endOfCutLine() {
        if (!endsMidLine()) {
            return "";
        }
        String[] cut = new String[1];
        forEachLine((number, text, complete) -> cut[0] = complete ? null : text);
        boolean holds = cut[0] != null && parse(cut[0]).filter(this::verifies).isPresent();
        return holds ? "\n" : CUT_MARK + "\n";
    }

    private boolean endsMidLine() {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) != '\n';
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoint file " + file, e);
        }
    }

    /** Makes the new file's directory entry durable too (where the platform can force a directory). */
    private void forceDirectory() {
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform opens directories; the file's own content is forced regardless
        }
    }
}
