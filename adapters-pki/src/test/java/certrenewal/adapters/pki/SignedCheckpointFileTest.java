package certrenewal.adapters.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.domain.audit.AuditCheckpoint;
import certrenewal.domain.audit.CheckpointLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedCheckpointFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T09:30:00Z"), ZoneOffset.UTC);
    private static final AuditCheckpoint FIRST = checkpoint(12, 'a', "2026-04-01T09:31:00Z");
    private static final AuditCheckpoint SECOND = checkpoint(57, 'b', "2026-04-01T09:32:00.123Z");
    private static final AuditCheckpoint THIRD = checkpoint(80, 'c', "2026-04-01T09:33:00Z");

    @TempDir
    Path dir;

    private AuditKeyMaterial key() {
        return AuditKeyStore.loadOrCreate(dir.resolve("ca/audit.p12"), "pw".toCharArray(), CLOCK);
    }

    private Path file() {
        return dir.resolve("audit/checkpoints");
    }

    @Test
    void checkpointsReadBackSignedInTheOrderWritten() {
        SignedCheckpointFile checkpoints = new SignedCheckpointFile(file(), key());
        assertEquals(List.of(), checkpoints.readAll(), "no file yet");
        assertEquals(Optional.empty(), checkpoints.latest());

        checkpoints.append(FIRST);
        checkpoints.append(SECOND);

        assertEquals(List.of(new CheckpointLine.Signed(1, FIRST), new CheckpointLine.Signed(2, SECOND)),
                checkpoints.readAll());
        assertEquals(Optional.of(SECOND), checkpoints.latest());
    }

    @Test
    void oneLinePerCheckpointWithSeqHashTimeAndSignature() throws Exception {
        new SignedCheckpointFile(file(), key()).append(SECOND);

        String[] fields = Files.readString(file()).split(" ");

        assertEquals(5, fields.length);
        assertEquals(List.of("v1", "57", "b".repeat(64), "2026-04-01T09:32:00.123Z"), Arrays.asList(fields).subList(0, 4));
        assertTrue(fields[4].endsWith("\n"));
    }

    @Test
    void aRestartAppendsAndLeavesEveryEarlierByteAsItWas() throws Exception {
        SignedCheckpointFile first = new SignedCheckpointFile(file(), key());
        first.append(FIRST);
        first.append(SECOND);
        byte[] before = Files.readAllBytes(file());

        SignedCheckpointFile afterRestart = new SignedCheckpointFile(file(), key());
        assertEquals(Optional.of(SECOND), afterRestart.latest(), "read from the file");
        afterRestart.append(THIRD);

        byte[] after = Files.readAllBytes(file());
        assertArrayEquals(before, Arrays.copyOf(after, before.length));
        assertEquals(List.of(new CheckpointLine.Signed(1, FIRST), new CheckpointLine.Signed(2, SECOND),
                new CheckpointLine.Signed(3, THIRD)), afterRestart.readAll());
    }

    @Test
    void anEditedLineNoLongerCarriesAValidSignature() throws Exception {
        SignedCheckpointFile checkpoints = new SignedCheckpointFile(file(), key());
        checkpoints.append(FIRST);
        checkpoints.append(SECOND);
        Files.writeString(file(), Files.readString(file()).replace(" 57 ", " 40 "));

        List<CheckpointLine> lines = checkpoints.readAll();

        assertEquals(new CheckpointLine.Signed(1, FIRST), lines.get(0));
        assertEquals(new CheckpointLine.BadSignature(2, new AuditCheckpoint(40, SECOND.hash(), SECOND.at())), lines.get(1));
    }

    @Test
    void aLineSignedWithAnotherKeyIsForged() throws Exception {
        new SignedCheckpointFile(file(), key()).append(FIRST);
        AuditKeyMaterial other = AuditKeyStore.loadOrCreate(dir.resolve("other.p12"), "pw".toCharArray(), CLOCK);
        new SignedCheckpointFile(dir.resolve("forger/checkpoints"), other).append(SECOND);
        Files.write(file(), Files.readAllBytes(dir.resolve("forger/checkpoints")), StandardOpenOption.APPEND);

        List<CheckpointLine> lines = new SignedCheckpointFile(file(), key()).readAll();

        assertEquals(List.of(new CheckpointLine.Signed(1, FIRST), new CheckpointLine.BadSignature(2, SECOND)), lines);
    }

    @Test
    void aLineCutShortIsUnreadableAndTheNextCheckpointStartsOnALineOfItsOwn() throws Exception {
        SignedCheckpointFile checkpoints = new SignedCheckpointFile(file(), key());
        checkpoints.append(FIRST);
        checkpoints.append(SECOND);
        byte[] whole = Files.readAllBytes(file());
        // the second line loses its line end and the last 20 of its 96 Base64 digits: what is left still decodes
        Files.write(file(), Arrays.copyOf(whole, whole.length - 21));

        SignedCheckpointFile afterCrash = new SignedCheckpointFile(file(), key());
        assertEquals(List.of(new CheckpointLine.Signed(1, FIRST), new CheckpointLine.Unreadable(2)), afterCrash.readAll());
        assertEquals(Optional.of(FIRST), afterCrash.latest());
        afterCrash.append(THIRD);

        assertEquals(List.of(new CheckpointLine.Signed(1, FIRST), new CheckpointLine.Unreadable(2),
                new CheckpointLine.Signed(3, THIRD)), afterCrash.readAll());
        byte[] after = Files.readAllBytes(file());
        assertArrayEquals(Arrays.copyOf(whole, whole.length - 21), Arrays.copyOf(after, whole.length - 21));
        assertTrue(Files.readAllLines(file()).get(1).endsWith(" -cut-"), "marked as cut short");
    }

    @Test
    void aLastLineThatLostOnlyItsLineEndStillHolds() throws Exception {
        SignedCheckpointFile checkpoints = new SignedCheckpointFile(file(), key());
        checkpoints.append(FIRST);
        checkpoints.append(SECOND);
        byte[] whole = Files.readAllBytes(file());
        Files.write(file(), Arrays.copyOf(whole, whole.length - 1));

        SignedCheckpointFile afterCrash = new SignedCheckpointFile(file(), key());
        assertEquals(List.of(new CheckpointLine.Signed(1, FIRST), new CheckpointLine.Signed(2, SECOND)),
                afterCrash.readAll());
        assertEquals(Optional.of(SECOND), afterCrash.latest());
        afterCrash.append(THIRD);

        assertEquals(List.of(new CheckpointLine.Signed(1, FIRST), new CheckpointLine.Signed(2, SECOND),
                new CheckpointLine.Signed(3, THIRD)), afterCrash.readAll());
    }

    @Test
    void linesOutOfShapeAreUnreadable() throws Exception {
        SignedCheckpointFile checkpoints = new SignedCheckpointFile(file(), key());
        checkpoints.append(FIRST);
        String good = Files.readString(file()).strip();
        String signature = good.substring(good.lastIndexOf(' ') + 1);
        Files.writeString(file(), String.join("\n",
                good,
                "",
                "v2 57 " + "b".repeat(64) + " 2026-04-01T09:32:00Z " + signature,
                "v1 0 " + "b".repeat(64) + " 2026-04-01T09:32:00Z " + signature,
                "v1 57 " + "B".repeat(64) + " 2026-04-01T09:32:00Z " + signature,
                "v1 57 " + "b".repeat(64) + " yesterday " + signature,
                "v1 57 " + "b".repeat(64) + " 2026-04-01T09:32:00Z not-base64!",
                good + "\r",
                good + " extra",
                good) + "\n");

        List<CheckpointLine> lines = checkpoints.readAll();

        assertEquals(10, lines.size());
        assertEquals(new CheckpointLine.Signed(1, FIRST), lines.getFirst());
        for (CheckpointLine line : lines.subList(1, 9)) {
            assertInstanceOf(CheckpointLine.Unreadable.class, line, line.toString());
        }
        assertEquals(new CheckpointLine.Signed(10, FIRST), lines.getLast());
    }

    @Test
    void openSslVerifiesALineWithTheAuditKeysCertificate() throws Exception {
        AuditKeyMaterial key = key();
        new SignedCheckpointFile(file(), key).append(SECOND);
        Files.write(dir.resolve("audit.crt"), ("-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(key.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII));
        String line = Files.readString(file()).strip();
        String[] fields = line.split(" ");
        Files.writeString(dir.resolve("signed.txt"), "certrenewal-audit-checkpoint " + String.join(" ", Arrays.copyOf(fields, 4)));
        Files.write(dir.resolve("signature.der"), Base64.getDecoder().decode(fields[4]));

        OpenSsl.succeed(dir, "x509", "-in", "audit.crt", "-pubkey", "-noout", "-out", "audit-pub.pem");
        String verified = OpenSsl.succeed(dir, "dgst", "-sha256", "-verify", "audit-pub.pem", "-signature",
                "signature.der", "signed.txt");

        assertTrue(verified.contains("Verified OK"), verified);
    }

    private static AuditCheckpoint checkpoint(long seq, char hashDigit, String at) {
        return new AuditCheckpoint(seq, String.valueOf(hashDigit).repeat(64), Instant.parse(at));
    }
}
