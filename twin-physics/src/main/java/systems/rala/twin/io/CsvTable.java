package systems.rala.twin.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A delimited text file read whole, as strings, remembering the physical line on which each record starts
 * so that errors can name it. RFC 4180 quoting: a field in double quotes may hold delimiters, line breaks
 * and doubled quotes. CR, LF and CRLF line ends are accepted; blank lines are skipped. Lines starting with
 * {@code #} before the first record are comments, kept apart (RALA's own files carry their metadata there).
 */
public final class CsvTable {

    private final Path file;
    private final List<String> header;
    private final List<String[]> rows;
    private final long[] lines;
    private final List<String> comments;

    private CsvTable(Path file, List<String> header, List<String[]> rows, long[] lines, List<String> comments) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.lines = lines;
        this.comments = comments;
    }

    /**
     * Reads {@code file}; the first {@code headerRows} records form the header (their fields joined per
     * column with a space; 0 for none).
     */
    public static CsvTable read(Path file, Charset charset, char delimiter, int headerRows) {
        String text;
        try {
            text = Files.readString(file, charset);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputFormatException(
                    file,
                    0,
                    null,
                    null,
                    "not valid " + charset.name() + " text; set the mapping's encoding (for example ISO-8859-1)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<String[]> records = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        long line = 1;
        int i = 0;
        int n = text.length();
        while (i < n && text.charAt(i) == '#') {
            int end = i;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            comments.add(text.substring(i + 1, end).strip());
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                end++;
            }
            i = end + 1;
            line++;
        }
        long recordStart = line;
        boolean quoted = false;
        boolean fieldStarted = false;
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.length() == 0) {
                quoted = true;
                fieldStarted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
                    fields.add(field.toString());
                    records.add(fields.toArray(new String[0]));
                    starts.add(recordStart);
                }
                fields.clear();
                field.setLength(0);
                fieldStarted = false;
                line++;
                recordStart = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
            i++;
        }
        if (quoted) {
            throw new InputFormatException(file, recordStart, null, null, "a quoted field is not closed");
        }
        if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields.toArray(new String[0]));
            starts.add(recordStart);
        }
        if (records.size() < headerRows) {
            throw new InputFormatException(
                    file,
                    0,
                    null,
                    null,
                    "has " + records.size() + " records, fewer than the " + headerRows + " header rows expected");
        }
        List<String> header = new ArrayList<>();
        for (int r = 0; r < headerRows; r++) {
            String[] rec = records.get(r);
            for (int c = 0; c < rec.length; c++) {
                String cell = rec[c].replaceAll("\\s+", " ").strip();
                if (c < header.size()) {
                    header.set(c, (header.get(c) + " " + cell).strip());
                } else {
                    header.add(cell);
                }
            }
        }
        List<String[]> rows = records.subList(headerRows, records.size());
        long[] lines = new long[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            lines[r] = starts.get(headerRows + r);
        }
        return new CsvTable(file, List.copyOf(header), List.copyOf(rows), lines, List.copyOf(comments));
    }

    /** Text of the leading {@code #} comment lines, without the {@code #}. */
    public List<String> comments() {
        return comments;
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** Header cells (whitespace collapsed), empty without a header. */
    public List<String> header() {
        return header;
    }

    /** Number of data records. */
    public int rowCount() {
        return rows.size();
    }

    /** Fields of data record {@code r}. */
    public String[] row(int r) {
        return rows.get(r);
    }

    /** 1-based physical line on which data record {@code r} starts. */
    public long line(int r) {
        return lines[r];
    }

    /**
     * The 0-based index of a column given as a 1-based number or a header name (case and whitespace
     * insensitive; a name matches if it equals the header cell or the header cell's text before a bracket).
     */
    public int columnIndex(String spec, String what) {
        String s = spec.strip();
        if (s.matches("\\d+")) {
            int idx = Integer.parseInt(s) - 1;
            int width = header.isEmpty() ? (rows.isEmpty() ? 0 : rows.get(0).length) : header.size();
            if (idx < 0 || idx >= width) {
                throw new InputFormatException(
                        file,
                        0,
                        null,
                        null,
                        what + " column " + s + " does not exist; the file has " + width + " columns");
            }
            return idx;
        }
        String want = normalise(s);
        for (int c = 0; c < header.size(); c++) {
            String h = normalise(header.get(c));
            int bracket = h.indexOf('[');
            if (h.equals(want)
                    || (bracket > 0 && h.substring(0, bracket).strip().equals(want))) {
                return c;
            }
        }
        throw new InputFormatException(
                file, 0, null, null, what + " column '" + s + "' is not in the header " + header);
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }
}
