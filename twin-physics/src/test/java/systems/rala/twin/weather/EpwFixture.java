package systems.rala.twin.weather;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Writes small synthetic EPW files for tests: hourly rows from 1 January 01:00 of {@code year}. */
final class EpwFixture {

    /** One row's editable fields, as text. */
    static final class Row {
        int index;
        String temp = "10.0";
        String dew = "5.0";
        String rh = "71";
        String ir = "320";
        String ghi = "0";
        String wind = "3.0";
        String cover = "5";
        boolean truncate;
    }

    private EpwFixture() {}

    static Path write(Path file, String source, int year, int hours, Consumer<Row> edit) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("LOCATION,Testville,-,NLD," + source + ",000000,52.00,5.00,1.0,0.0");
        lines.add("DESIGN CONDITIONS,0");
        lines.add("TYPICAL/EXTREME PERIODS,0");
        lines.add("GROUND TEMPERATURES,1,2,,,,8,7,6,6,7,9,11,13,14,14,13,11");
        lines.add("HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0");
        lines.add("COMMENTS 1,synthetic test file");
        lines.add("COMMENTS 2,");
        lines.add("DATA PERIODS,1,1,Data,Tuesday, 1/ 1,12/31");
        for (int i = 0; i < hours; i++) {
            Row r = new Row();
            r.index = i;
            if (edit != null) {
                edit.accept(r);
            }
            int day = i / 24 + 1;
            int hour = i % 24 + 1;
            String[] f = new String[35];
            java.util.Arrays.fill(f, "0");
            f[0] = Integer.toString(year);
            f[1] = "1";
            f[2] = Integer.toString(day);
            f[3] = Integer.toString(hour);
            f[4] = "60";
            f[5] = "A7A7";
            f[6] = r.temp;
            f[7] = r.dew;
            f[8] = r.rh;
            f[9] = "101300";
            f[12] = r.ir;
            f[13] = r.ghi;
            f[21] = r.wind;
            f[22] = r.cover;
            String line = String.join(",", f);
            if (r.truncate) {
                line = String.join(",", java.util.Arrays.copyOf(f, 12));
            }
            lines.add(line);
        }
        Files.write(file, lines, StandardCharsets.ISO_8859_1);
        return file;
    }
}
