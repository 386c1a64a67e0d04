package systems.rala.runtime.wire;

import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;

/**
 * Message and command ids. An id is 16 to 64 characters of {@code A-Z a-z 0-9 _ -}: a UUID or a ULID fits,
 * a counter that restarts with the gateway does not, and must not, since receivers would take the messages
 * after a restart for replays of those before it.
 *
 * <p>{@link #newId()} makes a UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits.
 * Ids made later sort later (to the millisecond), which keeps a database index on them append-mostly, and a
 * collision needs two ids in the same millisecond with the same 74 random bits.
 */
public final class MessageIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageIds() {}

    /** A new UUID version 7 from the system clock, e.g. {@code 0195a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b}. */
    public static String newId() {
        return newId(System.currentTimeMillis(), RANDOM);
    }

    /** A UUID version 7 for {@code epochMillis} with random bits from {@code random}. */
    static String newId(long epochMillis, Random random) {
        long msb = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    /** Whether {@code id} is a valid message id. */
    public static boolean isValid(String id) {
        try {
            Check.messageId("messageId", id);
            return true;
        } catch (FieldException e) {
            return false;
        }
    }
}
