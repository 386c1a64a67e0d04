package systems.rala.edge.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import systems.rala.runtime.wire.Acknowledgement;

/**
 * What became of the commands a gateway has seen, kept on disk so that a command delivered again — by the broker
 * after a lost PUBACK, or after the gateway restarted — is answered with its stored outcome instead of being
 * applied twice. A text file, one line per change, {@code commandId TAB state TAB reason}, appended and forced
 * before the command's PUBACK; the last {@code capacity} commands are remembered (the file is rewritten when it
 * holds twice that). A last line without its newline (a torn append) is ignored.
 *
 * <p>A command is written {@code received} before it is applied; one found still {@code received} on opening was
 * interrupted by a restart and is answered {@code failed} ({@link #interrupted()}).
 */
public final class CommandJournal implements AutoCloseable {

    /**
     * The latest state of a command.
     *
     * @param state received, or a terminal state
     * @param reason the terminal state's reason, or null
     */
    public record Entry(Acknowledgement.State state, String reason) {}

    private final Path file;
    private final int capacity;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private final List<String> interrupted = new ArrayList<>();
    private FileChannel out;
    private int lines;

    /** Opens (or creates) the journal in {@code file}, remembering the last {@code capacity} commands. */
    public CommandJournal(Path file, int capacity) {
        this.file = file;
        this.capacity = capacity;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int end = text.lastIndexOf('\n');
                for (String line : text.substring(0, end + 1).split("\n")) {
                    String[] f = line.split("\t", 3);
                    if (f.length == 3) {
                        try {
                            Acknowledgement.State s = Acknowledgement.State.valueOf(f[1]);
                            entries.remove(f[0]);
                            entries.put(f[0], new Entry(s, f[2].isEmpty() ? null : unescape(f[2])));
                            lines++;
                        } catch (IllegalArgumentException e) {
                            // a line damaged in a crash: skipped
                        }
                    }
                }
            }
            entries.forEach((id, e) -> {
                if (e.state() == Acknowledgement.State.RECEIVED) {
                    interrupted.add(id);
                }
            });
            rewrite();
        } catch (IOException e) {
            throw new UncheckedIOException("command journal " + file + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** Commands received but not finished before the last stop, in order. */
    public List<String> interrupted() {
        return List.copyOf(interrupted);
    }

    /** The command's latest entry, or null if it was never seen (or forgotten). */
    public synchronized Entry get(String commandId) {
        return entries.get(commandId);
    }

    /** Records the command's new state, on disk before this returns. */
    public synchronized void put(String commandId, Acknowledgement.State state, String reason) {
        entries.remove(commandId);
        entries.put(commandId, new Entry(state, reason));
        Iterator<String> it = entries.keySet().iterator();
        while (entries.size() > capacity && it.hasNext()) {
            it.next();
            it.remove();
        }
        try {
            if (lines >= 2 * capacity) {
                rewrite();
            } else {
                append(commandId, state, reason);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("command journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void append(String id, Acknowledgement.State state, String reason) throws IOException {
        byte[] line = (id + "\t" + state.name() + "\t" + (reason == null ? "" : escape(reason)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        out.write(java.nio.ByteBuffer.wrap(line));
        out.force(false);
        lines++;
    }

    private void rewrite() throws IOException {
        if (out != null) {
            out.close();
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry v = e.getValue();
            b.append(e.getKey())
                    .append('\t')
                    .append(v.state().name())
                    .append('\t')
                    .append(v.reason() == null ? "" : escape(v.reason()))
                    .append('\n');
        }
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        lines = entries.size();
        out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
