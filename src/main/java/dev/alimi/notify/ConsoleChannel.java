package dev.alimi.notify;

import dev.alimi.model.Notice;
import dev.alimi.model.StockEvent;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints one readable line per alert: name, price, quantity, site, link. */
final class ConsoleChannel implements Channel {

    private final String name;
    private final PrintStream out;

    ConsoleChannel(String name, PrintStream out) {
        this.name = name;
        this.out = out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SendResult send(StockEvent event) {
        String line;
        try {
            line = line(MessageText.of(event));
        } catch (RuntimeException e) {
            return new SendResult.Failed(false, "could not format the alert (" + e.getClass().getSimpleName() + ")");
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
        return out.checkError() ? new SendResult.Failed(false, "console write failed") : new SendResult.Sent(null);
    }

    @Override
    public SendResult sendNotice(Notice notice) {
        String line = clean(notice.title()) + " · " + clean(notice.text());
        synchronized (out) {
            out.println(line);
            out.flush();
        }
        return out.checkError() ? new SendResult.Failed(false, "console write failed") : new SendResult.Sent(null);
    }

    /** "IN STOCK  Widget Pro · €49.99 · 12 left · ShopX · https://…"; control characters are dropped. */
    static String line(MessageText m) {
        List<String> parts = new ArrayList<>();
        parts.add(switch (m.kind()) {
            case RESTOCKED -> clean(m.name());
            case SOLD_OUT, CHANGED -> clean(m.name()) + " " + m.headline();
        });
        if (m.price() != null) {
            parts.add(clean(m.price()));
        }
        if (m.quantity() != null) {
            parts.add(m.quantity() + " left");
        }
        if (m.site() != null) {
            parts.add(clean(m.site()));
        }
        if (m.link() != null) {
            parts.add(clean(m.link()));
        }
        String tag = switch (m.kind()) {
            case RESTOCKED -> "IN STOCK ";
            case CHANGED -> "CHANGED  ";
            case SOLD_OUT -> "SOLD OUT ";
        };
        return tag + " " + String.join(" · ", parts);
    }

    /** A product name must not move the cursor or recolour the operator's terminal. */
    private static String clean(String s) {
        return s.replaceAll("\\p{Cntrl}", " ");
    }
}
