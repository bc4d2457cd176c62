package dev.kpp.importer.codec;

/**
 * IP address and CIDR literals as kube-proxy parses them ({@code netutils.ParseIPSloppy}: IPv4
 * dotted quads, leading zeros allowed; IPv6 with {@code ::} and an embedded IPv4 tail; no zones).
 * Never resolves names.
 */
public final class IpLiterals {
    private IpLiterals() {
    }

    /** @return true for an IPv4 or IPv6 address literal */
    public static boolean isIp(String s) {
        return isIpv4(s) || isIpv6(s);
    }

    /** @return true for a dotted-quad IPv4 address */
    public static boolean isIpv4(String s) {
        if (s == null || s.isEmpty() || s.length() > 15) {
            return false;
        }
        int parts = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || value > 255) {
                    return false;
                }
                parts++;
                value = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (++digits > 3) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return parts == 4;
    }

    /** @return true for an IPv6 address literal (no brackets, no zone) */
    public static boolean isIpv6(String s) {
        if (s == null || s.length() < 2 || s.length() > 45 || s.indexOf(':') < 0) {
            return false;
        }
        int groups = 0;
        boolean compressed = false;
        int i = 0;
        int n = s.length();
        if (s.startsWith("::")) {
            compressed = true;
            i = 2;
            if (i == n) {
                return true;
            }
        } else if (s.charAt(0) == ':') {
            return false;
        }
        while (i < n) {
            int start = i;
            while (i < n && Character.digit(s.charAt(i), 16) >= 0) {
                i++;
            }
            if (i < n && s.charAt(i) == '.') {
                // an embedded IPv4 address ends the literal and counts as two groups
                if (!isIpv4(s.substring(start))) {
                    return false;
                }
                groups += 2;
                i = n;
                break;
            }
            int len = i - start;
            if (len == 0 || len > 4) {
                return false;
            }
            groups++;
            if (i == n) {
                break;
            }
            if (s.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < n && s.charAt(i) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
                if (i == n) {
                    break;
                }
            } else if (i == n) {
                return false; // a trailing single ':'
            }
        }
        return compressed ? groups < 8 : groups == 8;
    }

    /** @return true for {@code address/prefix} with a prefix that fits the family */
    public static boolean isCidr(String s) {
        if (s == null) {
            return false;
        }
        int slash = s.indexOf('/');
        if (slash <= 0 || slash == s.length() - 1 || s.length() - slash > 4) {
            return false;
        }
        String addr = s.substring(0, slash);
        int prefix;
        try {
            prefix = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (s.charAt(slash + 1) == '+' || s.charAt(slash + 1) == '-') {
            return false;
        }
        if (isIpv4(addr)) {
            return prefix >= 0 && prefix <= 32;
        }
        return isIpv6(addr) && prefix >= 0 && prefix <= 128;
    }
}
