package dev.accesskeys.service;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 CIDR block such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a block of one.
 * Parses address literals only: never a name, so it never asks DNS. An IPv4-mapped IPv6 address
 * ({@code ::ffff:10.1.2.3}) is the IPv4 address it maps.
 */
public final class CidrBlock {

    private final byte[] network;
    private final int prefix;

    private CidrBlock(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** @return the block, or null when the text is not one */
    public static CidrBlock parse(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        int slash = value.indexOf('/');
        byte[] address = parseAddress(slash < 0 ? value : value.substring(0, slash));
        if (address == null) {
            return null;
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String digits = value.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            prefix = Integer.parseInt(digits);
            if (prefix > bits) {
                return null;
            }
        }
        return new CidrBlock(mask(address, prefix), prefix);
    }

    /**
     * The bytes of an IPv4 or IPv6 address literal (4 or 16), or null for anything else: names, zone IDs, brackets.
     */
    public static byte[] parseAddress(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            return parseIpv4(text);
        }
        if (!text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return null;
        }
        try {
            // with a ':' and only hex digits, dots and colons, the JDK parses a literal and never resolves a name
            InetAddress parsed = InetAddress.getByName(text);
            return parsed.getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] &= (byte) (0xFF << (8 - keep));
        }
        return masked;
    }

    /** Whether the address (an IPv4 or IPv6 literal) lies in this block; false for anything that is not an address. */
    public boolean contains(String address) {
        byte[] bytes = parseAddress(address);
        return bytes != null && bytes.length == network.length && Arrays.equals(mask(bytes, prefix), network);
    }

    /** Canonical text: the network address and the prefix length, e.g. {@code 10.0.0.0/8}, {@code ::1/128}. */
    @Override
    public String toString() {
        try {
            String host = InetAddress.getByAddress(network).getHostAddress();
            if (!(InetAddress.getByAddress(network) instanceof Inet4Address)) {
                host = compress(host);
            }
            return host + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JDK writes 0:0:0:0:0:0:0:1; RFC 5952 writes ::1 (the longest run of zero groups as ::). */
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLength) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
