package dev.alimi.model;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A weekly window when alerts are held, written {@code "Mon-Fri 10:00-11:00 Asia/Seoul"}: days (a range,
 * a comma list, or none for every day), a time range (one that ends before it starts runs past midnight,
 * counted on its start day), and a time zone (UTC when left out).
 */
public record BlackoutWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);
    public static final String EXAMPLE = "\"Mon-Fri 10:00-11:00 Asia/Seoul\"";

    public BlackoutWindow {
        days = days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
        if (start.equals(end)) throw new IllegalArgumentException("the window is empty: it starts and ends at " + start);
    }

    /** Parses one window; the message of the exception says what is wrong. */
    public static BlackoutWindow parse(String text) {
        String[] parts = text.strip().split("\\s+");
        int i = 0;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (parts.length > 0 && !parts[0].isEmpty() && Character.isLetter(parts[0].charAt(0))) {
            days = days(parts[0]);
            i++;
        }
        if (i >= parts.length || parts[i].isEmpty()) {
            throw new IllegalArgumentException("missing the time range; expected a window like " + EXAMPLE);
        }
        String[] times = parts[i].split("-");
        if (times.length != 2) throw new IllegalArgumentException("expected a time range like 10:00-11:00, got '" + parts[i] + "'");
        LocalTime start = time(times[0]);
        LocalTime end = time(times[1]);
        i++;
        ZoneId zone = ZoneOffset.UTC;
        if (i < parts.length) {
            try {
                zone = ZoneId.of(parts[i]);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("unknown time zone '" + parts[i] + "'; use a region like Asia/Seoul or an offset like +09:00");
            }
            i++;
        }
        if (i < parts.length) throw new IllegalArgumentException("unexpected '" + parts[i] + "'; expected a window like " + EXAMPLE);
        return new BlackoutWindow(days, start, end, zone);
    }

    /** True when {@code at} falls inside the window. */
    public boolean contains(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime t = local.toLocalTime();
        if (start.isBefore(end)) {
            return days.contains(local.getDayOfWeek()) && !t.isBefore(start) && t.isBefore(end);
        }
        // Past midnight: the part before midnight belongs to today, the part after to yesterday's window.
        return (days.contains(local.getDayOfWeek()) && !t.isBefore(start))
                || (days.contains(local.getDayOfWeek().minus(1)) && t.isBefore(end));
    }

    private static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String[] range = part.split("-");
            if (range.length == 1) out.add(day(range[0]));
            else if (range.length == 2) {
                DayOfWeek from = day(range[0]);
                DayOfWeek to = day(range[1]);
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    out.add(d);
                    if (d == to) break;
                }
            } else throw new IllegalArgumentException("expected days like Mon-Fri or Sat,Sun, got '" + text + "'");
        }
        return out;
    }

    private static DayOfWeek day(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        DayOfWeek d = DAYS.get(key.length() >= 3 ? key.substring(0, 3) : key);
        if (d == null || (key.length() > 3 && !d.name().toLowerCase(Locale.ROOT).startsWith(key))) {
            throw new IllegalArgumentException("unknown day '" + text + "'; use Mon, Tue, Wed, Thu, Fri, Sat, Sun");
        }
        return d;
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a time like 10:00, got '" + text + "'");
        }
    }

    /** Every window of a list, for rules. */
    public static List<BlackoutWindow> parseAll(List<String> texts) {
        return texts.stream().map(BlackoutWindow::parse).toList();
    }
}
