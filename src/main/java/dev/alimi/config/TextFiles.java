package dev.alimi.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads small text files with a size cap and strict UTF-8, so a hostile file costs bounded memory. */
final class TextFiles {

    static final int MAX_BYTES = 1024 * 1024;

    private TextFiles() {}

    static String read(Path file) throws IOException {
        return decode(readBytes(file));
    }

    /** At most {@link #MAX_BYTES} bytes. */
    static byte[] readBytes(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) throw new TooLarge();
            return bytes;
        }
    }

    static String decode(byte[] bytes) throws NotUtf8 {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new NotUtf8();
        }
    }

    /** The file is larger than a config file can reasonably be. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the file is larger than " + (MAX_BYTES / (1024 * 1024)) + " MB; a config file should be far smaller");
        }
    }

    /** The file is not UTF-8 text. */
    static final class NotUtf8 extends IOException {
        private static final long serialVersionUID = 1L;

        NotUtf8() {
            super("the file is not valid UTF-8 text");
        }
    }
}
