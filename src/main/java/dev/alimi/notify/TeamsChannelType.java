package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Microsoft Teams through a Workflows ("When a Teams webhook request is received") URL. Accepts the workflow
 * URL itself ({@code *.logic.azure.com}, {@code *.powerautomate.com}, {@code *.powerplatform.com}),
 * {@code workflows://HOST[:PORT]/WORKFLOW/SIGNATURE} (Apprise), {@code teams://?host=WORKFLOW_URL} (Shoutrrr),
 * and the long form {@code type: teams}. The retired Office 365 connector URLs are refused with a hint.
 */
final class TeamsChannelType extends ParsedChannelType<TeamsChannelType.Target> {

    private static final List<String> HOST_SUFFIXES = List.of(".logic.azure.com", ".powerautomate.com",
            ".powerplatform.com");
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]{1,200}");
    static final String FORMS = "https://….logic.azure.com:443/workflows/ID/triggers/manual/paths/invoke?…&sig=… "
            + "or workflows://HOST/WORKFLOW_ID/SIGNATURE";

    /** Where to post, what to show, and the secrets (workflow id, signature). */
    record Target(URI endpoint, String shown, List<String> secrets) {}

    @Override
    public String type() {
        return "teams";
    }

    @Override
    public boolean accepts(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("workflow") || scheme.equals("workflows") || scheme.equals("teams")
                || scheme.equals("msteams")) {
            return true;
        }
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return scheme.equals("https") && (HOST_SUFFIXES.stream().anyMatch(host::endsWith)
                || host.endsWith(".webhook.office.com"));
    }

    @Override
    Channel create(ChannelSpec spec, Target t, ChannelContext context) {
        return new TeamsChannel(spec.name(), t, MessageTemplate.of(spec).orElse(null), context);
    }

    @Override
    String redact(ChannelSpec spec, Target t) {
        return t.shown();
    }

    @Override
    Target target(ChannelSpec spec) {
        ChannelUrl url = ChannelUrl.parse(spec.url());
        return switch (url.scheme()) {
            case "workflow", "workflows" -> apprise(spec, url);
            case "teams" -> {
                String host = url.query().get("host");
                if (host == null || !host.startsWith("https://")) {
                    throw new IllegalArgumentException("Shoutrrr Teams URL must be teams://?host=<the full workflow "
                            + "URL>; the legacy teams://group@tenant form used retired connectors");
                }
                yield raw(spec, ChannelUrl.parse(host), true);
            }
            case "msteams" -> throw new IllegalArgumentException("msteams:// used Office 365 connectors, which Microsoft"
                    + " retired; create a Teams Workflow webhook and use its URL: " + FORMS);
            case "http", "https" -> raw(spec, url, longForm(spec));
            default -> throw new IllegalArgumentException(
                    "a teams channel takes " + FORMS + ", not a " + url.scheme() + ":// URL");
        };
    }

    private Target apprise(ChannelSpec spec, ChannelUrl url) {
        List<String> seg = url.segments();
        if (url.host().isBlank() || seg.size() != 2 || !PART.matcher(seg.get(0)).matches()
                || !PART.matcher(seg.get(1)).matches()) {
            throw new IllegalArgumentException("Apprise Teams URL must be workflows://HOST/WORKFLOW_ID/SIGNATURE");
        }
        String version = url.query().getOrDefault("ver", "2016-06-01");
        if (!version.matches("[0-9-]{6,12}")) {
            throw new IllegalArgumentException("Teams workflow ver must be a date like 2016-06-01");
        }
        String scheme = url.scheme().equals("workflows") ? "https" : "http";
        URI endpoint = URI.create(scheme + "://" + url.host() + "/workflows/" + seg.get(0)
                + "/triggers/manual/paths/invoke?api-version=" + version
                + "&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + seg.get(1));
        return new Target(ChannelUrl.rebase(endpoint, spec.baseUrl()), url.scheme() + "://" + url.host() + "/***",
                List.of(seg.get(0), seg.get(1)));
    }

    private static Target raw(ChannelSpec spec, ChannelUrl url, boolean anyHost) {
        String host = url.hostName();
        if (host.endsWith(".webhook.office.com")) {
            throw new IllegalArgumentException("Office 365 connector URLs (webhook.office.com) were retired; create a "
                    + "Teams Workflow webhook and use its URL: " + FORMS);
        }
        if (!anyHost && HOST_SUFFIXES.stream().noneMatch(host::endsWith)) {
            throw new IllegalArgumentException("a Teams workflow URL is on logic.azure.com, powerautomate.com or "
                    + "powerplatform.com; for another host give the long form with type: teams");
        }
        String sig = url.query().get("sig");
        if (!anyHost && (sig == null || sig.isBlank())) {
            throw new IllegalArgumentException("Teams workflow URL has no sig= parameter; copy the whole URL: " + FORMS);
        }
        List<String> secrets = new java.util.ArrayList<>(url.segments());
        url.query().values().forEach(secrets::add);
        return new Target(ChannelUrl.rebase(url.uri(), spec.baseUrl()), url.origin() + "/***",
                secrets.stream().filter(s -> s.length() >= 6).toList());
    }
}
