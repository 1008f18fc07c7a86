package dev.alimi.detect;

import dev.alimi.model.Availability;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Buy-button and out-of-stock phrases in Korean first, then English, Japanese, German, French,
 * Spanish and Chinese, searched in lower-cased product-area text. Any out-of-stock phrase wins,
 * so an in-stock phrase inside one ("not in stock", "nicht auf Lager", "no disponible") never
 * counts. Only the first {@link #MAX_TEXT} characters are read.
 */
final class StockPhrases {

    /** Out-of-stock phrases; 품절 is checked against {@link #NOT_SOLD_OUT_AFTER}. */
    static final List<String> OUT = List.of(
            "일시품절", "품절", "매진", "재고 없음", "재고없음", "판매종료", "판매 종료", "판매중지", "판매 중지", "구매불가",
            "구매 불가", "재입고 알림", "재입고알림", "입고 알림", "입고알림", "없는 상품", "판매중인 상품이 아닙니다",
            "out of stock", "out-of-stock", "sold out", "sold-out", "currently unavailable", "temporarily unavailable",
            "no longer available", "not in stock", "notify me when available", "notify me when back in stock",
            "email me when available", "email when available",
            "在庫切れ", "品切れ", "売り切れ", "在庫なし", "販売終了", "入荷待ち",
            "ausverkauft", "nicht auf lager", "derzeit nicht verfügbar", "nicht verfügbar", "nicht mehr verfügbar",
            "nicht lieferbar", "nicht mehr lieferbar", "vergriffen",
            "rupture de stock", "en rupture", "épuisé", "indisponible", "plus en stock", "pas en stock",
            "agotado", "sin stock", "sin existencias", "no disponible", "fuera de stock", "no hay stock",
            "缺货", "售罄", "已售完", "已售罄", "无货", "到货通知", "已下架");

    static final List<String> IN = List.of(
            "구매하기", "바로구매", "바로 구매", "장바구니 담기", "장바구니에 담기", "재고 있음", "재고있음",
            "in stock", "add to cart", "add to bag", "add to basket", "buy now", "buy it now",
            "在庫あり", "カートに入れる", "今すぐ買う",
            "auf lager", "in den warenkorb", "sofort lieferbar", "jetzt kaufen",
            "en stock", "ajouter au panier", "acheter maintenant",
            "añadir al carrito", "añadir a la cesta", "agregar al carrito", "comprar ahora",
            "有货", "现货", "加入购物车", "立即购买");

    /**
     * Pre-order and back-order labels, read on buy buttons only: in running text they are as often
     * a shipping note or an event banner as the product's state.
     */
    static final List<String> PRE_ORDER = List.of(
            "예약구매", "예약 구매", "예약판매", "예약 판매", "예약주문", "예약 주문", "사전예약", "사전 예약", "사전주문", "사전 주문",
            "pre-order", "preorder", "pre order", "backorder", "back-order", "back order",
            "予約", "vorbestellen", "vorbestellung", "précommander", "pré-commander", "precommander", "précommande",
            "pré-commande", "reservar", "preventa", "pre-venta", "预订", "预售", "预购", "預購", "預訂", "預售");

    /** "품절임박" / "매진임박" (almost sold out) and notices like "품절 시 연락" are not a sold-out product. */
    private static final Pattern NOT_SOLD_OUT_AFTER = Pattern.compile("^\\s?(임박|시\\b|시 |될|되면|되는|인 경우|처리|가능)");

    /**
     * A quantity pattern, the literal every match holds and how many characters a match can start
     * before that literal: the regex then runs only from the literal's first occurrence on, not over
     * the whole text of a big page.
     */
    private record QuantityPattern(Pattern pattern, String anchor, int before) {
        Matcher find(String text) {
            int at = text.indexOf(anchor);
            if (at < 0) return null;
            Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            m.region(Math.max(0, at - before), text.length());
            return m.find() ? m : null;
        }
    }

    private static final List<QuantityPattern> QUANTITY = List.of(
            new QuantityPattern(Pattern.compile("남은\\s?수량\\s?:?\\s?(\\d{1,7})\\s?개"), "남은", 0),
            new QuantityPattern(Pattern.compile("재고\\s?:?\\s?(\\d{1,7})\\s?개"), "재고", 0),
            new QuantityPattern(Pattern.compile("(\\d{1,7})\\s?개\\s?남"), "개", 8),
            new QuantityPattern(Pattern.compile("only (\\d{1,7}) left"), "only ", 0),
            new QuantityPattern(Pattern.compile("(\\d{1,7}) left in stock"), " left in stock", 7),
            new QuantityPattern(Pattern.compile("(?<![\\d.,])(\\d{1,7}) in stock"), " in stock", 7),
            new QuantityPattern(Pattern.compile("残り\\s?(\\d{1,7})\\s?[点個つ]"), "残り", 0),
            new QuantityPattern(Pattern.compile("nur noch (\\d{1,7})"), "nur noch ", 0),
            new QuantityPattern(Pattern.compile("(?:solo )?quedan (\\d{1,7})"), "quedan ", 5),
            new QuantityPattern(Pattern.compile("plus que (\\d{1,7})"), "plus que ", 0),
            new QuantityPattern(Pattern.compile("仅剩\\s?(\\d{1,7})\\s?件"), "仅剩", 0));

    /** A product area holds a few thousand characters; more is a hostile or broken page. */
    static final int MAX_TEXT = 256 * 1024;

    /** Texts at least this long list their characters before the phrases are searched for. */
    static final int LISTS_CHARS_FROM = 512;

    private StockPhrases() {}

    /** A phrase found at a position of the text. */
    record Hit(String phrase, int at) {
        int end() {
            return at + phrase.length();
        }
    }

    /**
     * Reads {@code shown} (case kept) for stock phrases; {@code where} names the area for evidence.
     * Out-of-stock phrases win over in-stock ones: shops lie in buttons less than in metadata.
     */
    static Finding read(String kind, String where, String all) {
        return read(kind, where, all, null);
    }

    /** Like {@link #read(String, String, String)}, given {@code all} lower-cased already (or null). */
    static Finding read(String kind, String where, String all, String lowerAll) {
        String shown = all.length() > MAX_TEXT ? all.substring(0, MAX_TEXT) : all;
        String text = lowerAll != null && shown == all ? lowerAll : shown.toLowerCase(java.util.Locale.ROOT);
        // Offsets of lower-cased text can differ for a few scripts; evidence then quotes the lower-cased text.
        String quoted = text.length() == shown.length() ? shown : text;
        long[] chars = charsOf(text);
        Hit out = firstOut(text, chars);
        if (out != null) {
            return Finding.of(kind, Availability.OUT_OF_STOCK, "phrase " + Evidence.quote(out.phrase()) + " in "
                    + where + " " + Evidence.around(quoted, out.at(), out.end()));
        }
        Hit quantityHit = null;
        Long quantity = null;
        for (QuantityPattern p : QUANTITY) {
            Matcher m = p.find(text);
            if (m != null) {
                quantity = Long.parseLong(m.group(1));
                quantityHit = new Hit(m.group(), m.start());
                break;
            }
        }
        Hit in = firstIn(text, chars);
        if (quantity != null && quantity == 0) {
            return new Finding(kind, Availability.OUT_OF_STOCK, 0L, null, "quantity phrase in " + where + " "
                    + Evidence.around(quoted, quantityHit.at(), quantityHit.end()));
        }
        if (in == null && quantity == null) return Finding.unknown(kind, "no stock phrase in " + where);
        Hit shownHit = in != null ? in : quantityHit;
        String evidence = (in != null ? "phrase " + Evidence.quote(in.phrase()) : "quantity phrase") + " in " + where
                + " " + Evidence.around(quoted, shownHit.at(), shownHit.end());
        if (in != null && quantityHit != null) {
            evidence += "; quantity " + Evidence.around(quoted, quantityHit.at(), quantityHit.end());
        }
        return new Finding(kind, Availability.IN_STOCK, quantity, null, evidence);
    }

    /** The first in-stock phrase in lower-cased {@code text}, or null. */
    static String inPhrase(String text) {
        Hit hit = firstIn(text, charsOf(text));
        return hit == null ? null : hit.phrase();
    }

    /** The first pre-order phrase in lower-cased {@code text}, or null. */
    static String preOrderPhrase(String text) {
        long[] chars = charsOf(text);
        for (String phrase : PRE_ORDER) {
            if (mayHold(chars, phrase) && text.contains(phrase)) return phrase;
        }
        return null;
    }

    /** The quantity a text states ({@code 남은 수량 3개}, {@code Only 2 left}), or null. */
    static Long quantity(String text) {
        String lower = (text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text).toLowerCase(java.util.Locale.ROOT);
        for (QuantityPattern p : QUANTITY) {
            Matcher m = p.find(lower);
            if (m != null) return Long.parseLong(m.group(1));
        }
        return null;
    }

    /**
     * The characters of a long {@code text} as bits, or null for a short one: a phrase whose first
     * character the text lacks cannot occur, and a page uses few of the phrases' scripts, so one
     * pass here spares most of the searches through a big product area.
     */
    static long[] charsOf(String text) {
        if (text.length() < LISTS_CHARS_FROM) return null;
        long[] bits = new long[1 << 10];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bits[c >>> 6] |= 1L << c;
        }
        return bits;
    }

    /** False when {@code phrase} cannot occur in a text of {@code chars} (null: any text). */
    static boolean mayHold(long[] chars, String phrase) {
        char first = phrase.charAt(0);
        return chars == null || (chars[first >>> 6] & 1L << first) != 0;
    }

    /** The earliest out-of-stock phrase, or null; one scan per phrase whatever the page repeats. */
    private static Hit firstOut(String text, long[] chars) {
        Hit best = null;
        for (String phrase : OUT) {
            if (!mayHold(chars, phrase)) continue;
            int from = 0;
            while (true) {
                int at = text.indexOf(phrase, from);
                if (at < 0 || (best != null && at >= best.at())) break;
                from = at + phrase.length();
                boolean korean = phrase.equals("품절") || phrase.equals("매진");
                if (korean && (phrase.equals("품절") && at > 0 && text.charAt(at - 1) == '시'
                        || NOT_SOLD_OUT_AFTER.matcher(text.substring(from, Math.min(text.length(), from + 8))).find())) {
                    continue; // 일시품절 is listed itself; 품절임박 and 품절 시 are not sold out
                }
                best = new Hit(phrase, at);
                break;
            }
        }
        return best;
    }

    private static Hit firstIn(String text, long[] chars) {
        Hit best = null;
        for (String phrase : IN) {
            if (!mayHold(chars, phrase)) continue;
            int from = 0;
            while (true) {
                int at = text.indexOf(phrase, from);
                if (at < 0 || (best != null && at >= best.at())) break;
                from = at + phrase.length();
                if (phrase.equals("buy now") && (text.startsWith(" pay later", from) || text.startsWith(", pay later", from))) {
                    continue;
                }
                best = new Hit(phrase, at);
                break;
            }
        }
        return best;
    }
}
