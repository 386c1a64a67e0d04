package systems.rala.edge.queue;

/**
 * When the store-and-forward queue forces what it wrote to the disk ({@code FileChannel.force}). Appended records
 * reach the operating system's page cache at once in every mode, so they survive the gateway's process being
 * killed (SIGKILL, an out-of-memory kill, a crash); the modes differ in what survives the machine losing power.
 */
public enum Fsync {
    /** Every append is forced before it returns: nothing acknowledged to the caller is lost with the power. */
    ALWAYS,
    /** Appends are forced at most every interval (and at close): up to one interval is lost with the power. */
    INTERVAL,
    /** Never forced by the queue: the operating system writes back when it likes (Linux: within ~30 s). */
    NEVER
}
