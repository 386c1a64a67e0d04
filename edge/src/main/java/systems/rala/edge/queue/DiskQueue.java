package systems.rala.edge.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * A durable, bounded FIFO of records on disk: append-only segment files, a CRC per record, a persisted read
 * pointer. Records leave only when {@link #ack acknowledged} (for the gateway: when the broker's PUBACK arrives);
 * after a restart or a {@link #rewind()} everything not acknowledged is handed out again, oldest first.
 *
 * <h2>On disk</h2>
 *
 * <p>A folder holds segment files {@code <first sequence number, 20 digits>.seg} and a file {@code cursor}. Each
 * record is a 17-byte header and the payload:
 *
 * <pre>
 *   u32 payload length | u32 CRC-32C of (sequence, tag, payload) | u64 sequence number | u8 tag | payload
 * </pre>
 *
 * (big-endian). A new segment starts when the current one would pass the segment size. {@code cursor} holds two
 * 16-byte slots, each {@code u64 sequence | u32 CRC-32C of it | 4 zero bytes}, written alternately in place: the
 * valid slot with the higher sequence is the first record not yet acknowledged, so a write torn by a crash loses
 * at most the latest update (and that costs only duplicates, never records). A segment whose records are all
 * acknowledged is deleted.
 *
 * <p>On opening, every segment is scanned: a record whose header or CRC does not check at the end of the newest
 * segment is a torn append and is cut off (the file truncated there); anywhere else it ends that segment's
 * readable records, which are counted in {@link Stats#corrupt()} and logged.
 *
 * <h2>Bounds and overflow</h2>
 *
 * <p>The segments together hold at most {@code maxBytes}. When an append would pass it, the {@link Overflow}
 * policy decides: {@link Overflow#DROP_OLDEST} deletes whole segments from the oldest on, counting the records
 * dropped by tag; {@link Overflow#REFUSE} throws {@link QueueFullException} and keeps everything.
 *
 * <h2>Durability</h2>
 *
 * <p>See {@link Fsync}. The cursor is written on every acknowledgement and forced only with the records
 * ({@link Fsync#INTERVAL}) and at close: after a power loss it may be behind, which replays acknowledged records
 * again (the wire contract's receivers drop them by message id); it is never ahead of what was acknowledged.
 *
 * <p>Thread-safe: one lock. Not for two processes on one folder.
 */
public final class DiskQueue implements AutoCloseable {

    private static final Logger LOG = System.getLogger(DiskQueue.class.getName());

    /** Bytes of a record's header. */
    public static final int HEADER = 17;

    /** Largest payload [bytes]. */
    public static final int MAX_PAYLOAD = 16 << 20;

    /** What an append does when the queue is full. */
    public enum Overflow {
        /** Delete the oldest segments to make room, counting what they held. */
        DROP_OLDEST,
        /** Refuse the new record ({@link QueueFullException}). */
        REFUSE
    }

    /**
     * How a queue behaves.
     *
     * @param maxBytes the most its segments may hold [bytes], at least twice the segment size
     * @param segmentBytes the size at which a new segment starts [bytes]
     * @param fsync when appends are forced to the disk
     * @param fsyncInterval the interval of {@link Fsync#INTERVAL}
     * @param overflow what an append does when full
     */
    public record Options(long maxBytes, long segmentBytes, Fsync fsync, Duration fsyncInterval, Overflow overflow) {
        public Options {
            if (segmentBytes < 4096 || segmentBytes > 1L << 30) {
                throw new IllegalArgumentException("segment size " + segmentBytes + " B is outside [4096, 2^30]");
            }
            if (maxBytes < 2 * segmentBytes) {
                throw new IllegalArgumentException(
                        "queue size " + maxBytes + " B is below two segments (2 × " + segmentBytes + " B)");
            }
            if (fsync == Fsync.INTERVAL
                    && (fsyncInterval == null || fsyncInterval.isNegative() || fsyncInterval.isZero())) {
                throw new IllegalArgumentException("fsync interval " + fsyncInterval + " must be positive");
            }
        }
    }

    /** A record handed out: its sequence number, tag and payload. */
    public record Entry(long seq, byte tag, byte[] payload) {}

    /**
     * Counters since the queue was opened.
     *
     * @param appended records appended
     * @param acknowledged records acknowledged
     * @param droppedByTag records dropped by overflow, indexed by tag (0–255)
     * @param refused appends refused by overflow
     * @param corrupt records found unreadable on opening (not counting a torn tail)
     * @param tornBytes bytes cut off the newest segment on opening
     * @param pending records not yet acknowledged
     * @param bytes bytes the segments hold
     */
    public record Stats(
            long appended,
            long acknowledged,
            long[] droppedByTag,
            long refused,
            long corrupt,
            long tornBytes,
            long pending,
            long bytes) {
        /** Records dropped with tag {@code tag}. */
        public long dropped(int tag) {
            return droppedByTag[tag & 0xFF];
        }

        /** Records dropped, any tag. */
        public long dropped() {
            return Arrays.stream(droppedByTag).sum();
        }
    }

    private static final class Segment {
        final long firstSeq;
        final Path path;
        final FileChannel channel;
        long size;
        /** Offsets of its records, in sequence order; record i has sequence firstSeq + i. */
        long[] offsets = new long[64];

        int count;

        Segment(long firstSeq, Path path, FileChannel channel) {
            this.firstSeq = firstSeq;
            this.path = path;
            this.channel = channel;
        }

        void add(long offset) {
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
            }
            offsets[count++] = offset;
        }

        long endSeq() {
            return firstSeq + count;
        }
    }

    private final Path dir;
    private final Options options;
    private final Deque<Segment> segments = new ArrayDeque<>();
    private final FileChannel cursorFile;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer header = ByteBuffer.allocate(HEADER);
    private final TreeSet<Long> ackedAhead = new TreeSet<>();
    private final long[] dropped = new long[256];
    /** Every record below it is acknowledged (or dropped). */
    private long cursor;
    /** The next record to hand out. */
    private long readSeq;
    /** The next sequence number to append. */
    private long nextSeq;

    private long bytes;
    private long appended;
    private long acknowledged;
    private long refused;
    private long corrupt;
    private long tornBytes;
    private long cursorWrites;
    private long lastForceNanos = System.nanoTime();
    private boolean dirty;
    private boolean closed;

    private DiskQueue(Path dir, Options options) throws IOException {
        this.dir = dir;
        this.options = options;
        Files.createDirectories(dir);
        cursorFile = FileChannel.open(
                dir.resolve("cursor"), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long savedCursor = readCursor();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("\\d{20}\\.seg"))
                    .sorted()
                    .toList();
        }
        for (int i = 0; i < files.size(); i++) {
            recover(files.get(i), i == files.size() - 1);
        }
        nextSeq = segments.isEmpty()
                ? Math.max(savedCursor, 0)
                : segments.peekLast().endSeq();
        long first = segments.isEmpty() ? nextSeq : segments.peekFirst().firstSeq;
        cursor = present(Math.min(Math.max(savedCursor, first), nextSeq));
        readSeq = cursor;
        deleteAcknowledgedSegments();
    }

    /** Opens (or creates) the queue in folder {@code dir}, recovering what a previous process left. */
    public static DiskQueue open(Path dir, Options options) {
        try {
            return new DiskQueue(dir, options);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "store-and-forward queue " + dir + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private void recover(Path path, boolean newest) throws IOException {
        long firstSeq = Long.parseLong(path.getFileName().toString().substring(0, 20));
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Segment s = new Segment(firstSeq, path, ch);
        long size = ch.size();
        long pos = 0;
        long expected = firstSeq;
        ByteBuffer h = ByteBuffer.allocate(HEADER);
        while (pos < size) {
            String problem = null;
            int len = 0;
            if (size - pos < HEADER) {
                problem = "a header cut short";
            } else {
                h.clear();
                readFully(ch, h, pos);
                h.flip();
                len = h.getInt();
                int storedCrc = h.getInt();
                long seq = h.getLong();
                byte tag = h.get();
                if (len < 0 || len > MAX_PAYLOAD || pos + HEADER + len > size) {
                    problem = "a record cut short";
                } else if (seq != expected) {
                    problem = "sequence " + seq + " where " + expected + " was due";
                } else {
                    ByteBuffer payload = ByteBuffer.allocate(len);
                    readFully(ch, payload, pos + HEADER);
                    if (checksum(seq, tag, payload.array(), 0, len) != storedCrc) {
                        problem = "a CRC mismatch";
                    }
                }
            }
            if (problem != null) {
                if (newest) {
                    tornBytes += size - pos;
                    LOG.log(
                            Level.WARNING,
                            path + ": cutting " + (size - pos) + " bytes at offset " + pos + " (" + problem
                                    + "): an append torn by a crash");
                    ch.truncate(pos);
                    size = pos;
                } else {
                    // the records lost are counted from the gap in sequence numbers to the next segment
                    LOG.log(
                            Level.ERROR,
                            path + ": " + problem + " at offset " + pos + "; the rest of the segment (" + (size - pos)
                                    + " bytes) is unreadable");
                    size = pos;
                }
                break;
            }
            s.add(pos);
            pos += HEADER + len;
            expected++;
        }
        s.size = size;
        if (s.count == 0 && !newest) {
            ch.close();
            Files.delete(path);
            return;
        }
        if (!segments.isEmpty() && segments.peekLast().endSeq() != firstSeq) {
            // records between the segments were lost (a corrupt segment above): sequence numbers jump; count them
            corrupt += Math.max(0, firstSeq - segments.peekLast().endSeq());
        }
        ch.position(size);
        segments.add(s);
        bytes += size;
    }

    /** Appends a record; durable per the {@link Fsync} policy when this returns. Returns its sequence number. */
    public synchronized long append(byte tag, byte[] payload) throws QueueFullException {
        return append(tag, payload, 0, payload.length);
    }

    /** Appends {@code payload[off, off + len)} as one record. */
    public synchronized long append(byte tag, byte[] payload, int off, int len) throws QueueFullException {
        if (closed) {
            throw new IllegalStateException("queue " + dir + " is closed");
        }
        if (len > MAX_PAYLOAD || len > options.segmentBytes() - HEADER) {
            throw new IllegalArgumentException(
                    "record of " + len + " B does not fit a segment of " + options.segmentBytes() + " B");
        }
        long need = HEADER + len;
        if (bytes + need > options.maxBytes()) {
            if (options.overflow() == Overflow.REFUSE) {
                refused++;
                throw new QueueFullException("queue " + dir.getFileName() + " is full: " + bytes + " of "
                        + options.maxBytes() + " B; the record of " + len + " B is refused");
            }
            makeRoom(need);
        }
        try {
            Segment s = segments.peekLast();
            if (s == null || s.size + need > options.segmentBytes()) {
                s = newSegment();
            }
            long seq = nextSeq;
            header.clear();
            header.putInt(len)
                    .putInt(checksum(seq, tag, payload, off, len))
                    .putLong(seq)
                    .put(tag)
                    .flip();
            long pos = s.size;
            ByteBuffer[] parts = {header, ByteBuffer.wrap(payload, off, len)};
            long written = 0;
            while (written < need) {
                written += s.channel.write(parts);
            }
            s.add(pos);
            s.size += need;
            bytes += need;
            nextSeq++;
            appended++;
            dirty = true;
            if (options.fsync() == Fsync.ALWAYS) {
                s.channel.force(false);
                dirty = false;
            } else if (options.fsync() == Fsync.INTERVAL) {
                forceIfDue();
            }
            notifyAll();
            return seq;
        } catch (IOException e) {
            throw new UncheckedIOException("store-and-forward queue " + dir + ": append failed: " + e.getMessage(), e);
        }
    }

    private void makeRoom(long need) {
        while (bytes + need > options.maxBytes() && !segments.isEmpty()) {
            Segment oldest = segments.peekFirst();
            if (oldest == segments.peekLast()) {
                // only the segment being written is left: start a new one so that the full one can go
                if (oldest.count == 0) {
                    return;
                }
                try {
                    newSegment();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            dropSegment(segments.peekFirst());
        }
    }

    private void dropSegment(Segment s) {
        long from = Math.max(cursor, s.firstSeq);
        ByteBuffer tag = ByteBuffer.allocate(1);
        for (long seq = from; seq < s.endSeq(); seq++) {
            if (ackedAhead.contains(seq)) {
                continue;
            }
            try {
                tag.clear();
                readFully(s.channel, tag, s.offsets[(int) (seq - s.firstSeq)] + HEADER - 1);
                dropped[tag.get(0) & 0xFF]++;
            } catch (IOException e) {
                dropped[0]++;
            }
        }
        if (cursor < s.endSeq()) {
            cursor = s.endSeq();
            ackedAhead.headSet(cursor).clear();
            writeCursor();
        }
        readSeq = Math.max(readSeq, cursor);
        removeSegment(s);
    }

    private Segment newSegment() throws IOException {
        Path p = dir.resolve(String.format("%020d.seg", nextSeq));
        FileChannel ch =
                FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Segment s = new Segment(nextSeq, p, ch);
        Segment previous = segments.peekLast();
        if (previous != null && options.fsync() != Fsync.NEVER) {
            previous.channel.force(false); // its records are complete: never leave them behind the new file's
        }
        segments.add(s);
        return s;
    }

    private void forceIfDue() throws IOException {
        if (dirty
                && System.nanoTime() - lastForceNanos >= options.fsyncInterval().toNanos()) {
            force();
        }
    }

    /** Forces appended records and the cursor to the disk now (what {@link Fsync#INTERVAL} does on its timer). */
    public synchronized void force() {
        try {
            Segment s = segments.peekLast();
            if (s != null) {
                s.channel.force(false);
            }
            cursorFile.force(false);
            dirty = false;
            lastForceNanos = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forces if the interval has passed since the last force (call from a timer). */
    public synchronized void tick() {
        if (closed || options.fsync() != Fsync.INTERVAL) {
            return;
        }
        try {
            forceIfDue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Hands out up to {@code max} records after those already handed out (oldest first), or none if none is
     * waiting. Each stays in the queue until {@link #ack acknowledged}.
     */
    public synchronized List<Entry> next(int max) {
        List<Entry> out = new ArrayList<>();
        while (out.size() < max && readSeq < nextSeq) {
            readSeq = present(readSeq);
            if (readSeq >= nextSeq) {
                break;
            }
            if (ackedAhead.contains(readSeq)) {
                readSeq++;
                continue;
            }
            out.add(read(readSeq));
            readSeq++;
        }
        return out;
    }

    /** The next record that {@link #next} would hand out, without handing it out; null if none is waiting. */
    public synchronized Entry peek() {
        long s = present(readSeq);
        while (s < nextSeq && ackedAhead.contains(s)) {
            s = present(s + 1);
        }
        return s < nextSeq ? read(s) : null;
    }

    /** The newest record still in the queue (acknowledged or not), or null if it holds none. */
    public synchronized Entry newest() {
        long seq = nextSeq - 1;
        return seq >= cursor && present(seq) == seq ? read(seq) : null;
    }

    /** Waits up to {@code millis} for a record to hand out; whether one is waiting. */
    public synchronized boolean await(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (readSeq >= nextSeq && !closed) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return readSeq < nextSeq;
    }

    private Entry read(long seq) {
        Segment s = segmentOf(seq);
        long pos = s.offsets[(int) (seq - s.firstSeq)];
        try {
            ByteBuffer h = ByteBuffer.allocate(HEADER);
            readFully(s.channel, h, pos);
            h.flip();
            int len = h.getInt();
            h.getInt();
            h.getLong();
            byte tag = h.get();
            ByteBuffer payload = ByteBuffer.allocate(len);
            readFully(s.channel, payload, pos + HEADER);
            return new Entry(seq, tag, payload.array());
        } catch (IOException e) {
            throw new UncheckedIOException("store-and-forward queue " + dir + ": cannot read record " + seq, e);
        }
    }

    /**
     * {@code seq}, or the first sequence number after it that a segment holds when it falls in a gap left by a
     * corrupt segment; {@code nextSeq} when nothing after it is held.
     */
    private long present(long seq) {
        if (seq >= nextSeq) {
            return seq;
        }
        for (Segment s : segments) {
            if (seq < s.firstSeq) {
                return s.firstSeq;
            }
            if (seq < s.endSeq()) {
                return seq;
            }
        }
        return nextSeq;
    }

    private Segment segmentOf(long seq) {
        for (Segment s : segments) {
            if (seq >= s.firstSeq && seq < s.endSeq()) {
                return s;
            }
        }
        throw new IllegalStateException("record " + seq + " is not in the queue");
    }

    /**
     * Acknowledges record {@code seq}: it leaves the queue once every older record has been acknowledged too.
     * Acknowledging a record already gone (dropped, or acknowledged before) does nothing.
     */
    public synchronized void ack(long seq) {
        if (seq < cursor || seq >= nextSeq || closed) {
            return;
        }
        acknowledged++;
        if (seq != cursor) {
            ackedAhead.add(seq);
            return;
        }
        cursor = present(cursor + 1);
        while (!ackedAhead.isEmpty() && ackedAhead.first() == cursor) {
            ackedAhead.pollFirst();
            cursor = present(cursor + 1);
        }
        writeCursor();
        deleteAcknowledgedSegments();
    }

    /** Hands out every unacknowledged record again from the oldest (after a lost connection). */
    public synchronized void rewind() {
        readSeq = cursor;
        notifyAll();
    }

    private void deleteAcknowledgedSegments() {
        while (segments.size() > 1 && segments.peekFirst().endSeq() <= cursor) {
            removeSegment(segments.peekFirst());
        }
        Segment only = segments.peekFirst();
        if (only != null && only.count > 0 && only.endSeq() <= cursor && only.size >= options.segmentBytes() / 2) {
            // a fully acknowledged current segment past half its size: start afresh so that it can go
            try {
                newSegment();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            removeSegment(only);
        }
    }

    private void removeSegment(Segment s) {
        segments.remove(s);
        bytes -= s.size;
        try {
            s.channel.close();
            Files.deleteIfExists(s.path);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete " + s.path + ": " + e.getMessage());
        }
    }

    private long readCursor() throws IOException {
        long best = -1;
        ByteBuffer slot = ByteBuffer.allocate(16);
        for (int i = 0; i < 2; i++) {
            slot.clear();
            int n = cursorFile.read(slot, i * 16L);
            if (n < 16) {
                continue;
            }
            slot.flip();
            long seq = slot.getLong();
            int c = slot.getInt();
            if (c == cursorChecksum(seq) && seq > best) {
                best = seq;
            }
        }
        return Math.max(best, 0);
    }

    private void writeCursor() {
        ByteBuffer slot = ByteBuffer.allocate(16);
        slot.putLong(cursor).putInt(cursorChecksum(cursor)).putInt(0).flip();
        try {
            long at = (cursorWrites++ & 1) * 16;
            while (slot.hasRemaining()) {
                cursorFile.write(slot, at + slot.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("store-and-forward queue " + dir + ": cannot write the cursor", e);
        }
    }

    private int cursorChecksum(long seq) {
        crc.reset();
        ByteBuffer b = ByteBuffer.allocate(8).putLong(seq);
        crc.update(b.array());
        return (int) crc.getValue();
    }

    private int checksum(long seq, byte tag, byte[] payload, int off, int len) {
        crc.reset();
        ByteBuffer b = ByteBuffer.allocate(9).putLong(seq).put(tag);
        crc.update(b.array());
        crc.update(payload, off, len);
        return (int) crc.getValue();
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        long at = pos;
        while (b.hasRemaining()) {
            int n = ch.read(b, at);
            if (n < 0) {
                throw new IOException("unexpected end of file at " + at);
            }
            at += n;
        }
    }

    /** Records not yet acknowledged. */
    public synchronized long pending() {
        long n = 0;
        for (Segment s : segments) {
            n += Math.max(0, s.endSeq() - Math.max(cursor, s.firstSeq));
        }
        return n - ackedAhead.size();
    }

    /** The counters. */
    public synchronized Stats stats() {
        return new Stats(appended, acknowledged, dropped.clone(), refused, corrupt, tornBytes, pending(), bytes);
    }

    /** The folder it lives in. */
    public Path dir() {
        return dir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            if (options.fsync() != Fsync.NEVER) {
                force();
            }
        } finally {
            closed = true;
            notifyAll();
            for (Segment s : segments) {
                try {
                    s.channel.close();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "cannot close " + s.path + ": " + e.getMessage());
                }
            }
            try {
                cursorFile.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot close the cursor of " + dir + ": " + e.getMessage());
            }
        }
    }
}
