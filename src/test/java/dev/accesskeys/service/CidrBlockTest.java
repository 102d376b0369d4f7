package dev.accesskeys.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CidrBlockTest {

    @Test
    void ipv4BlocksContainTheirAddressesOnly() {
        CidrBlock ten = CidrBlock.parse("10.0.0.0/8");
        assertTrue(ten.contains("10.0.0.1"));
        assertTrue(ten.contains("10.255.255.255"));
        assertFalse(ten.contains("11.0.0.0"));
        assertFalse(ten.contains("127.0.0.1"));
        assertFalse(ten.contains("::1"), "an IPv6 address is outside every IPv4 block");
        assertTrue(CidrBlock.parse("0.0.0.0/0").contains("203.0.113.9"));
        CidrBlock host = CidrBlock.parse("192.0.2.7");
        assertTrue(host.contains("192.0.2.7"));
        assertFalse(host.contains("192.0.2.8"));
        assertTrue(CidrBlock.parse("172.16.0.0/12").contains("172.31.255.1"));
        assertFalse(CidrBlock.parse("172.16.0.0/12").contains("172.32.0.1"));
    }

    @Test
    void ipv6BlocksAndMappedAddresses() {
        CidrBlock loopback = CidrBlock.parse("::1/128");
        assertTrue(loopback.contains("::1"));
        assertTrue(loopback.contains("0:0:0:0:0:0:0:1"), "the JDK's spelling of ::1");
        assertFalse(loopback.contains("::2"));
        assertFalse(loopback.contains("127.0.0.1"));
        CidrBlock doc = CidrBlock.parse("2001:db8::/32");
        assertTrue(doc.contains("2001:db8:ffff::1"));
        assertTrue(doc.contains("2001:DB8::abcd"));
        assertFalse(doc.contains("2001:db9::1"));
        assertTrue(CidrBlock.parse("10.0.0.0/8").contains("::ffff:10.1.2.3"), "an IPv4-mapped address is its IPv4 address");
    }

    @Test
    void canonicalTextMasksHostBitsAndCompressesIpv6() {
        assertEquals("10.0.0.0/8", CidrBlock.parse("10.1.2.3/8").toString());
        assertEquals("192.0.2.7/32", CidrBlock.parse("192.0.2.7").toString());
        assertEquals("::1/128", CidrBlock.parse("::1").toString());
        assertEquals("2001:db8::/32", CidrBlock.parse("2001:DB8:0:0::/32").toString());
        assertEquals("fe80::/10", CidrBlock.parse("fe80::1/10").toString());
        assertEquals("2001:db8:0:1:0:0:0:1/128".replace("0:0:0", ":").replace(":::", "::"), CidrBlock.parse("2001:db8:0:1::1").toString());
    }

    @Test
    void refusesAnythingButLiterals() {
        for (String bad : List.of("", " ", "10.0.0.0/33", "10.0.0/8", "10.0.0.0.0", "256.0.0.1", "010.0.0.1", "10.0.0.0/",
                "10.0.0.0/-1", "10.0.0.0/1a", "::1/129", "example.org", "localhost", "fe80::1%lo", "[::1]", "1::2::3",
                "10.0.0.1/8/8", "a.b.c.d", "::g")) {
            assertNull(CidrBlock.parse(bad), bad);
        }
        assertNull(CidrBlock.parse(null));
        assertFalse(CidrBlock.parse("0.0.0.0/0").contains("localhost"), "names are never resolved");
        assertFalse(CidrBlock.parse("0.0.0.0/0").contains(null));
    }

    @Test
    void serviceNormalisesAndValidatesLists() {
        assertEquals(List.of("10.0.0.0/8", "::1/128"), KeyFieldChecks.cidrs(List.of("10.2.3.4/8", "::1", "10.0.0.0/8")));
        assertNull(KeyFieldChecks.cidrs(null));
        AccessKeyException empty = org.junit.jupiter.api.Assertions.assertThrows(AccessKeyException.class, () -> KeyFieldChecks.cidrs(List.of()));
        assertTrue(empty.getMessage().startsWith("allowedCidrs:"));
        AccessKeyException bad = org.junit.jupiter.api.Assertions.assertThrows(AccessKeyException.class,
                () -> KeyFieldChecks.cidrs(List.of("10.0.0.0/8", "bogus")));
        assertEquals("allowedCidrs: 'bogus' is not an IPv4 or IPv6 address or CIDR block (e.g. 10.0.0.0/8, 2001:db8::/32)", bad.getMessage());
        java.util.List<String> many = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "10.0.0." + (i % 250)).toList();
        assertThrows(many);
    }

    private static void assertThrows(List<String> values) {
        AccessKeyException e = org.junit.jupiter.api.Assertions.assertThrows(AccessKeyException.class, () -> KeyFieldChecks.cidrs(values));
        assertTrue(e.getMessage().startsWith("allowedCidrs:"), e.getMessage());
    }
}
