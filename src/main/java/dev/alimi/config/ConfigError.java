package dev.alimi.config;

import java.nio.file.Path;

/**
 * One problem in a config file.
 *
 * @param file    the file it is in (the config or the {@code .env} beside it)
 * @param line    1-based line, or 0 when it concerns the whole file
 * @param key     the path of the key ({@code watches[1].detect.css}), or null
 * @param message what is wrong and what was expected; never a substituted (possibly secret) value
 */
public record ConfigError(Path file, int line, String key, String message) {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        Path name = file == null ? null : file.getFileName();
        s.append(name == null ? String.valueOf(file) : name.toString());
        if (line > 0) s.append(':').append(line);
        s.append(": ");
        if (key != null && !key.isEmpty()) s.append(key).append(": ");
        return s.append(message).toString();
    }
}
