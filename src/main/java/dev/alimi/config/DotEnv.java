package dev.alimi.config;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file: {@code KEY=value} lines, {@code #} comments, an optional
 * {@code export } prefix, and values in single or double quotes.
 */
final class DotEnv {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private DotEnv() {}

    /** The variables of the file; a missing file is empty. Lines in error are reported, never echoed. */
    static Map<String, String> read(Path envFile, Problems problems) {
        Map<String, String> vars = new LinkedHashMap<>();
        String text;
        try {
            text = TextFiles.read(envFile);
        } catch (NoSuchFileException e) {
            return vars;
        } catch (TextFiles.TooLarge | TextFiles.NotUtf8 e) {
            problems.add(new ConfigError(envFile, 0, null, e.getMessage()));
            return vars;
        } catch (IOException e) {
            problems.add(new ConfigError(envFile, 0, null, "cannot read the file: " + e.getClass().getSimpleName()));
            return vars;
        }
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("export ") || line.startsWith("export\t")) line = line.substring(7).strip();
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !KEY.matcher(key).matches()) {
                problems.add(new ConfigError(envFile, lineNo, null, "expected KEY=value (a name of letters, digits and _)"));
                continue;
            }
            String raw = line.substring(eq + 1).strip();
            String value = value(raw);
            if (value == null) {
                problems.add(new ConfigError(envFile, lineNo, key, "the quoted value has no closing quote"));
                continue;
            }
            vars.put(key, value);
        }
        return vars;
    }

    /** The value as written: quotes removed, escapes in double quotes applied, trailing comment dropped. */
    private static String value(String raw) {
        if (raw.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') return out.toString();
                if (c == '\\' && i + 1 < raw.length()) {
                    char n = raw.charAt(++i);
                    out.append(switch (n) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> n;
                    });
                } else {
                    out.append(c);
                }
            }
            return null;
        }
        if (raw.startsWith("'")) {
            int end = raw.indexOf('\'', 1);
            return end < 0 ? null : raw.substring(1, end);
        }
        int comment = raw.indexOf(" #");
        if (comment < 0) comment = raw.indexOf("\t#");
        return (comment < 0 ? raw : raw.substring(0, comment)).strip();
    }
}
