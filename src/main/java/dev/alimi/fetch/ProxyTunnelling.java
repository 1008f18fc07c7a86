package dev.alimi.fetch;

/**
 * The JDK's HTTP client refuses Basic credentials for CONNECT tunnels unless told otherwise, so an
 * https shop behind a proxy with a password would only ever see 407. Alimi sends the credentials the
 * user gave for that proxy, to that proxy only (see {@link ProxyRoute#authenticator()}).
 */
public final class ProxyTunnelling {

    /** The JDK setting listing schemes not allowed for tunnels; its default is {@code Basic}. */
    public static final String DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    private ProxyTunnelling() {}

    /**
     * Allows Basic on CONNECT unless the operator set the property: must run before the first HTTP
     * client is built, since the JDK reads it once.
     */
    public static void allowBasic() {
        if (System.getProperty(DISABLED_SCHEMES) == null) System.setProperty(DISABLED_SCHEMES, "");
    }

    /** True when Basic credentials can reach a proxy on a CONNECT. */
    static boolean basicAllowed() {
        String disabled = System.getProperty(DISABLED_SCHEMES);
        return disabled != null && !disabled.toLowerCase(java.util.Locale.ROOT).contains("basic");
    }
}
