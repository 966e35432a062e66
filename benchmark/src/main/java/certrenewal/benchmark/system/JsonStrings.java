package certrenewal.benchmark.system;

/** Reads one top-level string field of a flat JSON object, as cfssl genkey prints it. */
final class JsonStrings {
    private JsonStrings() {
    }

    /** @throws IllegalArgumentException when there is no such string field */
    static String field(String json, String name) {
        String opening = "\"" + name + "\"";
        int at = json.indexOf(opening);
        int quote = at < 0 ? -1 : json.indexOf('"', json.indexOf(':', at + opening.length()) + 1);
        if (quote < 0) {
            throw new IllegalArgumentException("no string field " + name);
        }
        StringBuilder value = new StringBuilder();
        for (int i = quote + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\' && i + 1 < json.length()) {
                char escaped = json.charAt(++i);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'u' -> {
                        value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> value.append(escaped);
                }
            } else {
                value.append(c);
            }
        }
        throw new IllegalArgumentException("unterminated string field " + name);
    }
}
