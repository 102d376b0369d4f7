package dev.accesskeys.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.accesskeys.lifecycle.LifecycleFixture.Key;
import dev.accesskeys.support.Http;
import dev.accesskeys.support.Http.Reply;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/** allowedCidrs: checked against the client address at the grant, IPv4 and IPv6, validated on create and patch. */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class CidrIT {

    @InjectRealm(config = LifecycleRealmConfig.class)
    ManagedRealm managedRealm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private LifecycleFixture fixture() {
        return new LifecycleFixture(urls.getBase(), admin, managedRealm.getName());
    }

    /** The same server, called over IPv6 loopback. */
    private Http ipv6() {
        String base = urls.getBase().replace("localhost", "[::1]").replace("127.0.0.1", "[::1]");
        assertTrue(base.contains("[::1]"), base);
        return new Http(base);
    }

    private Http ipv4() {
        return new Http(urls.getBase().replace("localhost", "127.0.0.1"));
    }

    @Test
    void keyOutsideItsCidrsIsRefusedLikeABadKeyAndTheEventSaysWhy() {
        LifecycleFixture f = fixture();
        String owner = f.user("cidr");
        Key elsewhere = f.createKey(owner, "elsewhere", Map.of("allowedCidrs", List.of("10.0.0.0/8")));
        Key loopback = f.createKey(owner, "loopback", Map.of("allowedCidrs", List.of("192.168.0.0/16", "127.0.0.0/8")));

        Reply refused = f.exchange(ipv4(), elsewhere.id(), elsewhere.secret());
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("invalid_grant", refused.text("error"));
        assertEquals(LifecycleFixture.INVALID, refused.text("error_description"));
        assertEquals(200, f.exchange(ipv4(), loopback.id(), loopback.secret()).status());

        List<EventRepresentation> events = f.realm.getEvents(List.of("LOGIN_ERROR"), null, null, null, null, null, 0, 50);
        EventRepresentation event = events.stream()
                .filter(e -> e.getDetails() != null && elsewhere.id().equals(e.getDetails().get("access_key_id")))
                .findFirst().orElseThrow(() -> new AssertionError("no LOGIN_ERROR event for the refused key: " + events));
        assertTrue(event.getDetails().get("reason").contains("allowedCidrs"), event.getDetails().toString());
    }

    @Test
    void ipv6LoopbackBlockAcceptsOnlyIpv6Loopback() {
        LifecycleFixture f = fixture();
        Key key = f.createKey(f.user("v6"), "v6", Map.of("allowedCidrs", List.of("::1/128")));
        Reply v6 = f.exchange(ipv6(), key.id(), key.secret());
        assertEquals(200, v6.status(), "from ::1: " + v6);
        Reply v4 = f.exchange(ipv4(), key.id(), key.secret());
        assertEquals(400, v4.status(), "from 127.0.0.1: " + v4);
        assertEquals("invalid_grant", v4.text("error"));
    }

    @Test
    void cidrsAreValidatedNormalisedAndEditable() {
        LifecycleFixture f = fixture();
        String owner = f.user("valid");
        for (String bad : Arrays.asList("10.0.0.0/33", "300.1.1.1", "example.org", "10.0.0.0/", "::1/129", "fe80::1%lo", "")) {
            Reply reply = f.create(owner, "bad", Map.of("allowedCidrs", List.of(bad)));
            assertEquals(400, reply.status(), bad + ": " + reply);
            assertEquals("invalid_request", reply.text("error"));
            assertTrue(reply.text("error_description").startsWith("allowedCidrs:"), reply.toString());
        }
        Reply empty = f.create(owner, "empty", Map.of("allowedCidrs", List.of()));
        assertEquals(400, empty.status());
        Reply created = f.create(owner, "normalised", Map.of("allowedCidrs", List.of("10.1.2.3/8", "2001:DB8:0:0::/32", "192.0.2.7")));
        assertEquals(201, created.status(), created.toString());
        assertEquals("[\"10.0.0.0/8\",\"2001:db8::/32\",\"192.0.2.7/32\"]", created.json().get("allowedCidrs").toString());

        String id = created.text("id");
        String secret = created.text("secret");
        assertEquals(400, f.exchange(ipv4(), id, secret).status());
        Reply patched = f.patch(id, Map.of("allowedCidrs", List.of("127.0.0.1")));
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("[\"127.0.0.1/32\"]", patched.json().get("allowedCidrs").toString());
        assertEquals(200, f.exchange(ipv4(), id, secret).status(), "allowed after the patch");

        Map<String, Object> anywhere = new java.util.HashMap<>();
        anywhere.put("allowedCidrs", null);
        Reply cleared = f.patch(id, anywhere);
        assertEquals(200, cleared.status());
        assertTrue(cleared.json().get("allowedCidrs").isNull());
        Reply badPatch = f.patch(id, Map.of("allowedCidrs", List.of("10.0.0.0/8", "nonsense")));
        assertEquals(400, badPatch.status());
        assertTrue(badPatch.text("error_description").startsWith("allowedCidrs:"), badPatch.toString());
    }
}
