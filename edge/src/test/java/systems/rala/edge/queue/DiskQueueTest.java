package systems.rala.edge.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskQueueTest {

    @TempDir
    Path dir;

    static DiskQueue.Options options(long max, long segment, DiskQueue.Overflow overflow) {
        return new DiskQueue.Options(max, segment, Fsync.INTERVAL, Duration.ofMillis(100), overflow);
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(DiskQueue.Entry e) {
        return new String(e.payload(), StandardCharsets.UTF_8);
    }

    List<Path> segments() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }

    @Test
    void recordsLeaveOnlyWhenAcknowledged_andComeBackAfterARestartOrARewind() throws Exception {
        try (DiskQueue q = DiskQueue.open(dir, options(1 << 20, 64 << 10, DiskQueue.Overflow.REFUSE))) {
            for (int i = 0; i < 5; i++) {
                assertThat(q.append((byte) 1, text("m" + i))).isEqualTo(i);
            }
            List<DiskQueue.Entry> first = q.next(3);
            assertThat(first).extracting(DiskQueueTest::text).containsExactly("m0", "m1", "m2");
            assertThat(q.next(10)).extracting(DiskQueueTest::text).containsExactly("m3", "m4");
            q.ack(1); // out of order: m0 is still outstanding, so nothing leaves yet
            assertThat(q.pending()).isEqualTo(4);
            q.ack(0);
            assertThat(q.pending()).isEqualTo(3);
            q.rewind(); // a lost connection: m2..m4 again, not m1 (acknowledged)
            assertThat(q.next(10)).extracting(DiskQueueTest::text).containsExactly("m2", "m3", "m4");
            q.ack(3);
        }
        try (DiskQueue q = DiskQueue.open(dir, options(1 << 20, 64 << 10, DiskQueue.Overflow.REFUSE))) {
            // m3 was acknowledged out of order and is not remembered across the restart: a duplicate, never a loss
            assertThat(q.next(10)).extracting(DiskQueueTest::text).containsExactly("m2", "m3", "m4");
            assertThat(q.append((byte) 1, text("m5")))
                    .as("sequence numbers continue")
                    .isEqualTo(5);
        }
    }

    @Test
    void acknowledgedSegmentsAreDeleted() throws Exception {
        try (DiskQueue q = DiskQueue.open(dir, options(1 << 20, 4096, DiskQueue.Overflow.REFUSE))) {
            byte[] kb = new byte[1000];
            for (int i = 0; i < 10; i++) {
                q.append((byte) 1, kb);
            }
            // 4 records of 1017 B fit a 4096 B segment: 10 records take 3 segments
            assertThat(segments()).hasSize(3);
            for (DiskQueue.Entry e : q.next(8)) {
                q.ack(e.seq());
            }
            assertThat(segments()).hasSize(1);
            assertThat(q.stats().bytes()).isEqualTo(2 * (1000 + DiskQueue.HEADER));
        }
    }

    @Test
    void aTornAppendIsCutOff_andTheRecordsBeforeItSurvive() throws Exception {
        try (DiskQueue q = DiskQueue.open(dir, options(1 << 20, 64 << 10, DiskQueue.Overflow.REFUSE))) {
            q.append((byte) 1, text("whole-1"));
            q.append((byte) 1, text("whole-2"));
        }
        Path seg = segments().get(0);
        long good = Files.size(seg);
        try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) {
            f.seek(good);
            f.write(new byte[] {0, 0, 0, 50, 1, 2, 3}); // a header cut short, as a crash mid-write leaves it
        }
        try (DiskQueue q = DiskQueue.open(dir, options(1 << 20, 64 << 10, DiskQueue.Overflow.REFUSE))) {
            assertThat(q.stats().tornBytes()).isEqualTo(7);
            assertThat(Files.size(seg)).isEqualTo(good);
            assertThat(q.next(10)).extracting(DiskQueueTest::text).containsExactly("whole-1", "whole-2");
            assertThat(q.append((byte) 1, text("after"))).isEqualTo(2);
        }
    }

    @Test
    void aFlippedBitIsCaughtByTheCrc() throws Exception {
        try (DiskQueue q = DiskQueue.open(dir, options(1 << 20, 64 << 10, DiskQueue.Overflow.REFUSE))) {
            q.append((byte) 1, text("intact"));
            q.append((byte) 1, text("damaged"));
        }
        Path seg = segments().get(0);
        long second = DiskQueue.HEADER + "intact".length();
        try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) {
            f.seek(second + DiskQueue.HEADER + 2); // the 'm' of "damaged"
            f.write('M');
        }
        try (DiskQueue q = DiskQueue.open(dir, options(1 << 20, 64 << 10, DiskQueue.Overflow.REFUSE))) {
            assertThat(q.next(10)).extracting(DiskQueueTest::text).containsExactly("intact");
        }
    }

    @Test
    void aCorruptOlderSegmentLosesOnlyItsOwnTail_countedByTheSequenceGap() throws Exception {
        try (DiskQueue q = DiskQueue.open(dir, options(1 << 20, 4096, DiskQueue.Overflow.REFUSE))) {
            for (int i = 0; i < 8; i++) {
                q.append((byte) 1, text(i + "-".repeat(1000)));
            }
        }
        Path first = segments().get(0); // records 0..3
        try (RandomAccessFile f = new RandomAccessFile(first.toFile(), "rw")) {
            f.seek(1017 + DiskQueue.HEADER + 10); // inside record 1's payload
            f.write('x');
        }
        try (DiskQueue q = DiskQueue.open(dir, options(1 << 20, 4096, DiskQueue.Overflow.REFUSE))) {
            assertThat(q.stats().corrupt()).as("records 1, 2 and 3").isEqualTo(3);
            List<DiskQueue.Entry> left = q.next(10);
            assertThat(left).extracting(DiskQueue.Entry::seq).containsExactly(0L, 4L, 5L, 6L, 7L);
            for (DiskQueue.Entry e : left) {
                q.ack(e.seq());
            }
            assertThat(q.pending()).isZero();
        }
    }

    @Test
    void dropOldestMakesRoomAndCountsWhatWentByTag() throws Exception {
        try (DiskQueue q = DiskQueue.open(dir, options(3 * 4096, 4096, DiskQueue.Overflow.DROP_OLDEST))) {
            byte[] kb = new byte[1000];
            for (int i = 0; i < 12; i++) {
                q.append((byte) (i % 2 == 0 ? 1 : 2), kb); // 12 records fill three segments of four
            }
            assertThat(q.stats().dropped()).isZero();
            q.next(1); // handed out but not acknowledged: still dropped with its segment
            q.append((byte) 1, kb);
            DiskQueue.Stats s = q.stats();
            assertThat(s.dropped(1)).isEqualTo(2);
            assertThat(s.dropped(2)).isEqualTo(2);
            assertThat(s.bytes()).isLessThanOrEqualTo(3 * 4096);
            assertThat(q.next(100)).extracting(DiskQueue.Entry::seq).first().isEqualTo(4L);
            q.ack(0); // the acknowledgement of a dropped record is ignored
            assertThat(q.pending()).isEqualTo(9);
        }
    }

    @Test
    void refuseKeepsEverythingAndSaysSo() throws Exception {
        try (DiskQueue q = DiskQueue.open(dir, options(2 * 4096, 4096, DiskQueue.Overflow.REFUSE))) {
            byte[] kb = new byte[1000];
            for (int i = 0; i < 8; i++) {
                q.append((byte) 3, kb);
            }
            assertThatThrownBy(() -> q.append((byte) 3, kb))
                    .isInstanceOf(QueueFullException.class)
                    .hasMessageContaining("is full");
            assertThat(q.stats().refused()).isEqualTo(1);
            assertThat(q.pending()).isEqualTo(8);
        }
    }

    @Test
    void badOptionsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> options(4096, 4096, DiskQueue.Overflow.REFUSE))
                .hasMessageContaining("below two segments");
        assertThatThrownBy(() ->
                        new DiskQueue.Options(1 << 20, 4096, Fsync.INTERVAL, Duration.ZERO, DiskQueue.Overflow.REFUSE))
                .hasMessageContaining("must be positive");
    }
}
