package systems.rala.edge.queue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import systems.rala.runtime.wire.MessageKind;
import systems.rala.runtime.wire.WireCodec;
import systems.rala.runtime.wire.WireMessage;

/**
 * What the gateway sends the service, held on disk until the broker has it: two {@link DiskQueue}s under one
 * folder, handed out together oldest first.
 *
 * <ul>
 *   <li>{@code bulk/}: telemetry, audit records and events. Bounded; when full the oldest go first
 *       ({@link DiskQueue.Overflow#DROP_OLDEST}), counted per kind in {@link #dropped(MessageKind)}: after a long
 *       outage the newest readings are worth more than the oldest.
 *   <li>{@code acks/}: acknowledgements of commands, never dropped ({@link DiskQueue.Overflow#REFUSE}). Each is a
 *       few hundred bytes and is made only for a command that arrived over the broker, so the queue fills only if
 *       commands keep arriving while publishing fails; an acknowledgement it refuses is counted and its command is
 *       not applied ({@link #offer} says so).
 * </ul>
 *
 * <p>Each record holds the topic and the payload exactly as encoded, so a replay resends the same bytes with the
 * same message id. A record is {@code u64 order | u16 topic length | topic | payload}; {@code order} increases
 * across both queues and orders the replay.
 */
public final class Outbox implements AutoCloseable {

    private final DiskQueue bulk;
    private final DiskQueue acks;
    private long order;

    /**
     * A message handed out for publishing.
     *
     * @param topic its MQTT topic
     * @param payload its bytes, as first encoded
     * @param kind what it is
     */
    public record Item(DiskQueue queue, long seq, long order, String topic, byte[] payload, MessageKind kind) {}

    /**
     * Opens the outbox in {@code dir}.
     *
     * @param bulk options of the bulk queue (its overflow is DROP_OLDEST whatever is given)
     * @param acks options of the acknowledgement queue (its overflow is REFUSE whatever is given)
     */
    public Outbox(Path dir, DiskQueue.Options bulk, DiskQueue.Options acks) {
        this.bulk = DiskQueue.open(
                dir.resolve("bulk"),
                new DiskQueue.Options(
                        bulk.maxBytes(),
                        bulk.segmentBytes(),
                        bulk.fsync(),
                        bulk.fsyncInterval(),
                        DiskQueue.Overflow.DROP_OLDEST));
        this.acks = DiskQueue.open(
                dir.resolve("acks"),
                new DiskQueue.Options(
                        acks.maxBytes(),
                        acks.segmentBytes(),
                        acks.fsync(),
                        acks.fsyncInterval(),
                        DiskQueue.Overflow.REFUSE));
        this.order = Math.max(orderOf(this.bulk.newest()), orderOf(this.acks.newest())) + 1;
    }

    private static long orderOf(DiskQueue.Entry e) {
        return e == null ? 0 : ByteBuffer.wrap(e.payload()).getLong();
    }

    /**
     * Stores {@code message} for {@code topic}; durable (per the queues' fsync policy) when this returns.
     *
     * @return false if the acknowledgement queue is full and refused it (counted); bulk messages are always
     *     stored, older ones making room
     */
    public boolean offer(String topic, WireMessage message) {
        return offer(topic, message.kind(), WireCodec.encode(message));
    }

    /** Stores {@code payload} (an encoded message of {@code kind}) for {@code topic}. */
    public synchronized boolean offer(String topic, MessageKind kind, byte[] payload) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + t.length + payload.length);
        b.putLong(order).putShort((short) t.length).put(t).put(payload);
        DiskQueue q = kind == MessageKind.ACK ? acks : bulk;
        try {
            q.append((byte) kind.ordinal(), b.array());
        } catch (QueueFullException e) {
            return false;
        }
        order++;
        notifyAll();
        return true;
    }

    /** Up to {@code max} messages not yet handed out, oldest first across both queues. */
    public synchronized List<Item> next(int max) {
        List<Item> out = new ArrayList<>();
        while (out.size() < max) {
            DiskQueue.Entry b = bulk.peek();
            DiskQueue.Entry a = acks.peek();
            if (a == null && b == null) {
                break;
            }
            DiskQueue q = a == null ? bulk : b == null ? acks : orderOf(a) < orderOf(b) ? acks : bulk;
            DiskQueue.Entry e = q.next(1).get(0);
            out.add(item(q, e));
        }
        return out;
    }

    private static Item item(DiskQueue q, DiskQueue.Entry e) {
        ByteBuffer b = ByteBuffer.wrap(e.payload());
        long order = b.getLong();
        int tl = b.getShort() & 0xFFFF;
        String topic = new String(e.payload(), 10, tl, StandardCharsets.UTF_8);
        byte[] payload = new byte[e.payload().length - 10 - tl];
        System.arraycopy(e.payload(), 10 + tl, payload, 0, payload.length);
        return new Item(q, e.seq(), order, topic, payload, MessageKind.values()[e.tag()]);
    }

    /** The broker has {@code item}: it leaves the outbox. */
    public void ack(Item item) {
        item.queue().ack(item.seq());
    }

    /** Hands out every message not acknowledged again, oldest first (after a lost connection). */
    public synchronized void rewind() {
        bulk.rewind();
        acks.rewind();
    }

    /** Waits up to {@code millis} for a message to hand out; whether one is waiting. */
    public synchronized boolean await(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (bulk.peek() == null && acks.peek() == null) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(Math.min(left, 50)); // acks made by another thread's rewind wake us through the poll
        }
        return true;
    }

    /** Messages stored and not yet acknowledged by the broker. */
    public long pending() {
        return bulk.pending() + acks.pending();
    }

    /** Messages of {@code kind} dropped to make room. */
    public long dropped(MessageKind kind) {
        return bulk.stats().dropped(kind.ordinal());
    }

    /** Acknowledgements refused because their queue was full. */
    public long refusedAcks() {
        return acks.stats().refused();
    }

    /** The bulk queue's counters. */
    public DiskQueue.Stats bulkStats() {
        return bulk.stats();
    }

    /** The acknowledgement queue's counters. */
    public DiskQueue.Stats ackStats() {
        return acks.stats();
    }

    /** Forces both queues if their interval has passed (call from a timer). */
    public void tick() {
        bulk.tick();
        acks.tick();
    }

    @Override
    public void close() {
        try {
            bulk.close();
        } finally {
            acks.close();
        }
    }
}
