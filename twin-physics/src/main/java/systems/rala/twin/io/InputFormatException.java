package systems.rala.twin.io;

import java.nio.file.Path;

/**
 * Malformed input data: says which file, line (1-based, as an editor shows it), column and value, and why.
 * The message reads like {@code weather.epw:12: column 14 (global_radiation) value "-5": negative radiation;
 * allowed 0 to 1400 W/m2}.
 */
public final class InputFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String column;
    private final String value;

    /**
     * @param file the file read
     * @param line 1-based physical line number, or 0 when the problem is not on one line
     * @param column the column's number and name, e.g. {@code "14 (global_radiation)"}, or null
     * @param value the offending text, or null
     * @param reason what is wrong and, where there is one, the allowed range
     */
    public InputFormatException(Path file, long line, String column, String value, String reason) {
        super(format(file, line, column, value, reason));
        this.file = file;
        this.line = line;
        this.column = column;
        this.value = value;
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** 1-based line number, 0 when not tied to one line. */
    public long line() {
        return line;
    }

    /** The column's number and name, or null. */
    public String column() {
        return column;
    }

    /** The offending text, or null. */
    public String value() {
        return value;
    }

    private static String format(Path file, long line, String column, String value, String reason) {
        StringBuilder sb = new StringBuilder().append(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (column != null) {
            sb.append("column ").append(column).append(' ');
        }
        if (value != null) {
            sb.append("value \"").append(value).append("\" ");
        }
        if (column != null || value != null) {
            sb.setLength(sb.length() - 1);
            sb.append(": ");
        }
        return sb.append(reason).toString();
    }
}
