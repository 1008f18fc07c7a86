package dev.alimi.fetch;

/** Turns a saved page's bytes into text the way a fetch would: BOM, declared charset, {@code <meta>}, else UTF-8. */
public final class PageDecoding {

    private PageDecoding() {}

    /** Decodes {@code raw}; malformed bytes are replaced, never fatal. */
    public static String decode(byte[] raw, String contentType) {
        return PageCharset.decode(raw, contentType);
    }
}
