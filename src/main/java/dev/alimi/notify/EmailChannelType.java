package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Email over SMTP. Accepts {@code mailto://} / {@code mailtos://USER:PASS@DOMAIN[:PORT][/TO…]?smtp=HOST&from=&name=
 * &to=&cc=&bcc=&mode=starttls|ssl|insecure} (Apprise; well-known mail domains find their SMTP server) and
 * {@code smtp://USER:PASS@HOST:PORT/?fromaddress=&toaddresses=a,b&subject=&encryption=Auto|ExplicitTLS|ImplicitTLS|None}
 * (Shoutrrr).
 */
final class EmailChannelType extends ParsedChannelType<EmailChannelType.Target> {

    static final String FORMS = "mailtos://USER:PASSWORD@example.com/to@example.com?smtp=smtp.example.com or "
            + "smtp://USER:PASSWORD@smtp.example.com:587/?fromaddress=me@example.com&toaddresses=to@example.com";
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;\"]{1,64}@[A-Za-z0-9.-]{1,253}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]+]");
    /** SMTP servers of the big mail providers, as Apprise knows them. */
    private static final Map<String, String> PROVIDERS = Map.of(
            "gmail.com", "smtp.gmail.com", "googlemail.com", "smtp.gmail.com",
            "outlook.com", "smtp-mail.outlook.com", "hotmail.com", "smtp-mail.outlook.com",
            "yahoo.com", "smtp.mail.yahoo.com", "fastmail.com", "smtp.fastmail.com",
            "icloud.com", "smtp.mail.me.com", "zoho.com", "smtp.zoho.com");

    /** How the connection is protected. */
    enum Security { NONE, STARTTLS, SSL }

    /**
     * The SMTP server, how to log in (user may be null; password secret), who sends, who receives, the subject
     * prefix (or null) and what to show.
     */
    record Target(String host, int port, Security security, String user, String password, String from,
            String fromName, List<String> to, List<String> cc, List<String> bcc, String subject, String shown) {}

    @Override
    public String type() {
        return "email";
    }

    @Override
    public boolean accepts(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("mailto") || scheme.equals("mailtos") || scheme.equals("smtp") || scheme.equals("smtps");
    }

    @Override
    Channel create(ChannelSpec spec, Target t, ChannelContext context) {
        return new EmailChannel(spec.name(), t, MessageTemplate.of(spec).orElse(null), context);
    }

    @Override
    String redact(ChannelSpec spec, Target t) {
        return t.shown();
    }

    @Override
    Target target(ChannelSpec spec) {
        if (spec.baseUrl() != null) {
            throw new IllegalArgumentException("base-url does not apply to email; name the SMTP server with ?smtp=HOST");
        }
        ChannelUrl url = ChannelUrl.parse(spec.url());
        String authority = url.host();
        int colon = authority.lastIndexOf(':');
        String domain = colon > 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority;
        String portText = colon > 0 && !authority.endsWith("]") ? authority.substring(colon + 1) : null;
        String user = null;
        String password = null;
        if (url.userInfo() != null && !url.userInfo().isBlank()) {
            int c = url.userInfo().indexOf(':');
            user = c < 0 ? url.userInfo() : url.userInfo().substring(0, c);
            password = c < 0 ? null : url.userInfo().substring(c + 1);
        }
        if (domain.isBlank() || !HOST.matcher(domain).matches()) {
            throw new IllegalArgumentException("email URL needs a mail domain or SMTP host; expected " + FORMS);
        }
        Integer port = null;
        if (portText != null) {
            if (!portText.matches("[0-9]{1,5}") || Integer.parseInt(portText) == 0 || Integer.parseInt(portText) > 65535) {
                throw new IllegalArgumentException("email URL port must be 1-65535");
            }
            port = Integer.valueOf(portText);
        }
        String host;
        Security security;
        String from;
        List<String> to = new ArrayList<>();
        String subject;
        String fromName;
        if (url.scheme().equals("mailto") || url.scheme().equals("mailtos")) {
            String smtp = option(spec, url, "smtp");
            host = smtp != null ? smtp : PROVIDERS.getOrDefault(domain.toLowerCase(Locale.ROOT), domain);
            String mode = option(spec, url, "mode");
            security = mode == null ? (url.scheme().equals("mailtos") ? Security.STARTTLS : Security.NONE)
                    : switch (mode.toLowerCase(Locale.ROOT)) {
                        case "starttls" -> Security.STARTTLS;
                        case "ssl" -> Security.SSL;
                        case "insecure" -> Security.NONE;
                        default -> throw new IllegalArgumentException(
                                "email mode must be starttls, ssl or insecure; got '" + mode + "'");
                    };
            String fromOption = option(spec, url, "from");
            from = fromOption != null ? fromOption : user == null ? null : user.contains("@") ? user : user + "@" + domain;
            to.addAll(url.segments());
            addList(to, option(spec, url, "to"));
            subject = option(spec, url, "subject");
            fromName = option(spec, url, "name");
        } else {
            host = domain;
            String enc = option(spec, url, "encryption");
            security = enc == null || enc.equalsIgnoreCase("auto")
                    ? (url.scheme().equals("smtps") || Integer.valueOf(465).equals(port) ? Security.SSL
                            : Integer.valueOf(25).equals(port) ? Security.NONE : Security.STARTTLS)
                    : switch (enc.toLowerCase(Locale.ROOT)) {
                        case "explicittls" -> Security.STARTTLS;
                        case "implicittls" -> Security.SSL;
                        case "none" -> Security.NONE;
                        default -> throw new IllegalArgumentException(
                                "email encryption must be Auto, ExplicitTLS, ImplicitTLS or None; got '" + enc + "'");
                    };
            from = option(spec, url, "fromaddress", "from");
            addList(to, option(spec, url, "toaddresses", "to"));
            subject = option(spec, url, "subject");
            fromName = option(spec, url, "fromname", "name");
        }
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("email smtp host is not a host name");
        }
        if (from == null || !ADDRESS.matcher(from).matches()) {
            throw new IllegalArgumentException("email needs a sender address (from=…, or a user name at the domain); "
                    + "expected " + FORMS);
        }
        if (to.isEmpty()) {
            to.add(from);
        }
        List<String> cc = new ArrayList<>();
        List<String> bcc = new ArrayList<>();
        addList(cc, option(spec, url, "cc"));
        addList(bcc, option(spec, url, "bcc"));
        for (String a : concat(to, cc, bcc)) {
            if (!ADDRESS.matcher(a).matches()) {
                throw new IllegalArgumentException("email recipient is not an address like name@example.com");
            }
        }
        int p = port != null ? port : switch (security) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case SSL -> 465;
        };
        String shown = url.scheme() + "://" + (user == null ? "" : user + (password == null ? "" : ":***") + "@")
                + domain + (port == null ? "" : ":" + port) + "/" + String.join("/", to);
        return new Target(host, p, security, user, password, from, fromName, List.copyOf(to), List.copyOf(cc),
                List.copyOf(bcc), subject, shown);
    }

    private static void addList(List<String> out, String list) {
        if (list != null) {
            Arrays.stream(list.split("[,; ]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}
