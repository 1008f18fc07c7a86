package dev.alimi.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Undoes {@code Content-Encoding} (gzip, deflate, identity) with a cap on the decoded size, so a
 * compression bomb stops after {@code cap} bytes instead of filling the heap.
 */
final class ContentDecoder {

    private final long cap;

    ContentDecoder(long cap) {
        this.cap = cap;
    }

    /** Decodes {@code raw} as sent with the given {@code Content-Encoding} header (null: identity). */
    byte[] decode(byte[] raw, String contentEncoding) throws FetchFailure {
        byte[] body = raw;
        if (contentEncoding != null) {
            String[] codings = contentEncoding.split(",");
            // Codings are listed in the order they were applied, so undo them from the last.
            for (int i = codings.length - 1; i >= 0; i--) {
                body = undo(body, codings[i].trim().toLowerCase(Locale.ROOT));
            }
        }
        if (body.length > cap) throw FetchFailure.decodedOver(cap);
        return body;
    }

    private byte[] undo(byte[] body, String coding) throws FetchFailure {
        return switch (coding) {
            case "", "identity" -> body;
            case "gzip", "x-gzip" -> inflate(body, "gzip", true);
            case "deflate" -> inflate(body, "deflate", looksZlibWrapped(body));
            default -> throw new FetchFailure("unsupported content encoding " + printable(coding));
        };
    }

    /** RFC 9110 deflate is zlib-wrapped, but some servers send raw deflate; the 2-byte zlib header tells. */
    static boolean looksZlibWrapped(byte[] body) {
        if (body.length < 2) return true;
        int cmf = body[0] & 0xFF;
        int flg = body[1] & 0xFF;
        return (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
    }

    private byte[] inflate(byte[] body, String name, boolean wrapped) throws FetchFailure {
        if (body.length == 0) return body;
        Inflater inflater = name.equals("gzip") ? null : new Inflater(!wrapped);
        try (InputStream in = inflater == null
                ? new GZIPInputStream(new ByteArrayInputStream(body), 8192)
                : new InflaterInputStream(new ByteArrayInputStream(body), inflater, 8192)) {
            return readCapped(in);
        } catch (FetchFailure f) {
            throw f;
        } catch (ZipException e) {
            throw new FetchFailure("corrupt " + name + " body");
        } catch (IOException e) {
            throw new FetchFailure("corrupt " + name + " body (" + (e.getMessage() == null ? "truncated" : e.getMessage()) + ")");
        } finally {
            if (inflater != null) inflater.end();
        }
    }

    private byte[] readCapped(InputStream in) throws IOException, FetchFailure {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] chunk = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) != -1) {
            total += n;
            if (total > cap) throw FetchFailure.decodedOver(cap);
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7E…]", "?");
    }
}
