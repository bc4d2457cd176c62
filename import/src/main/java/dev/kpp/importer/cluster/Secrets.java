package dev.kpp.importer.cluster;

import java.util.Collection;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of every text a live import produces (problem details, progress). Known
 * secrets (tokens, passwords, key data read for this import) are replaced wherever they appear;
 * anything shaped like a bearer token, a JWT or a long base64 or hex run is replaced too.
 */
final class Secrets {
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}(\\.[A-Za-z0-9_-]*)?");
    private static final Pattern LONG_RUN = Pattern.compile("[A-Za-z0-9+/_=-]{40,}");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)(token|password|secret|client-key-data|client-certificate-data|authorization)([\"']?\\s*[:=]\\s*[\"']?)"
                    + "[^\\s\"',}]+");
    static final String MASK = "[redacted]";

    private final Collection<String> known = new CopyOnWriteArraySet<>();

    /** Remembers a secret so that it is masked wherever it appears. */
    void remember(String secret) {
        if (secret != null && secret.length() >= 4) {
            known.add(secret);
        }
    }

    /** @return the text with every known secret and anything token-shaped masked; "" for null */
    String scrub(String text) {
        if (text == null) {
            return "";
        }
        String s = text;
        for (String k : known) {
            s = s.replace(k, MASK);
        }
        s = BEARER.matcher(s).replaceAll("$1 " + MASK);
        s = JWT.matcher(s).replaceAll(MASK);
        s = KEY_VALUE.matcher(s).replaceAll("$1$2" + MASK);
        java.util.regex.Matcher m = LONG_RUN.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String run = m.group();
            boolean upper = run.chars().anyMatch(Character::isUpperCase);
            boolean lower = run.chars().anyMatch(Character::isLowerCase);
            boolean digit = run.chars().anyMatch(Character::isDigit);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(upper && lower && digit ? MASK : run));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** @return a URL without user info, query or fragment (for messages and provenance) */
    static String safeUrl(String url) {
        if (url == null || url.isEmpty()) {
            return "";
        }
        try {
            java.net.URI u = new java.net.URI(url);
            if (u.getHost() == null) {
                return url.replaceAll("//[^/@]*@", "//");
            }
            return new java.net.URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
        } catch (java.net.URISyntaxException e) {
            return url.replaceAll("//[^/@]*@", "//").replaceAll("\\?.*", "");
        }
    }
}
