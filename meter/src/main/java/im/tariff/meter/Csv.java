package im.tariff.meter;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside a field); fields are trimmed. */
final class Csv {
    private Csv() {
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>(4);
        int n = line.length();
        int i = 0;
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            b.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    b.append(c);
                    i++;
                }
                int comma = line.indexOf(',', i);
                out.add(b.toString());
                if (comma < 0) {
                    return out;
                }
                i = comma + 1;
            } else {
                int comma = line.indexOf(',', i);
                if (comma < 0) {
                    out.add(line.substring(i).trim());
                    return out;
                }
                out.add(line.substring(i, comma).trim());
                i = comma + 1;
            }
        }
    }
}
