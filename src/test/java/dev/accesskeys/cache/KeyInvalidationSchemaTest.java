package dev.accesskeys.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

import org.infinispan.protostream.ProtobufUtil;
import org.infinispan.protostream.SerializationContext;
import org.infinispan.protostream.SerializationContextInitializer;
import org.junit.jupiter.api.Test;

/** The cluster event survives ProtoStream marshalling the way Infinispan wraps cluster events, and is discoverable. */
class KeyInvalidationSchemaTest {

    private static SerializationContext context() {
        SerializationContext context = ProtobufUtil.newSerializationContext();
        new KeyInvalidationSchema().register(context);
        return context;
    }

    @Test
    void everyKindRoundTripsAsAWrappedMessage() throws IOException {
        SerializationContext context = context();
        for (KeyInvalidation event : new KeyInvalidation[]{
                KeyInvalidation.ofKey("realm-1", "ak_123"),
                KeyInvalidation.ofRevokedKey("realm-1", "ak_123", 1_800_000_000_123L),
                KeyInvalidation.ofUser("realm-1", "user-9"),
                KeyInvalidation.ofRealm("realm-2")}) {
            byte[] bytes = ProtobufUtil.toWrappedByteArray(context, event);
            assertEquals(event, ProtobufUtil.fromWrappedByteArray(context, bytes));
        }
    }

    @Test
    void aMessageOfAnEarlierReleaseReadsAsADroppedKeyAndAnUnknownFieldIsSkipped() throws IOException {
        SerializationContext context = context();
        // the message as a node without the revocation field writes it: realmId, keyId
        byte[] earlier = {0x0a, 0x01, 'r', 0x12, 0x04, 'a', 'k', '_', 'x'};
        assertEquals(KeyInvalidation.ofKey("r", "ak_x"), ProtobufUtil.fromByteArray(context, earlier, KeyInvalidation.class));
        // a field of a later release (9, varint) between them is skipped
        byte[] later = {0x0a, 0x01, 'r', 0x48, 0x05, 0x12, 0x04, 'a', 'k', '_', 'x', 0x20, 0x07};
        assertEquals(KeyInvalidation.ofRevokedKey("r", "ak_x", 7), ProtobufUtil.fromByteArray(context, later, KeyInvalidation.class));
    }

    @Test
    void carriesOnlyIds() throws IOException {
        byte[] bytes = ProtobufUtil.toWrappedByteArray(context(), KeyInvalidation.ofKey("r", "ak_x"));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("ak_x"));
        assertFalse(text.contains("aks_"));
    }

    @Test
    void isFoundThroughServiceLoaderAsKeycloakFindsSchemas() {
        assertTrue(ServiceLoader.load(SerializationContextInitializer.class).stream()
                .anyMatch(p -> p.type() == KeyInvalidationSchema.class));
    }

    @Test
    void coversMatchesKeyUserAndRealm() {
        assertTrue(KeyInvalidation.ofKey("r", "k").covers("r", "k", "u"));
        assertFalse(KeyInvalidation.ofKey("r", "k").covers("r", "other", "u"));
        assertFalse(KeyInvalidation.ofKey("r", "k").covers("r2", "k", "u"));
        assertTrue(KeyInvalidation.ofUser("r", "u").covers("r", "any", "u"));
        assertFalse(KeyInvalidation.ofUser("r", "u").covers("r", "any", "u2"));
        assertTrue(KeyInvalidation.ofRealm("r").covers("r", "any", "anyone"));
        assertFalse(KeyInvalidation.ofRealm("r").covers("r2", "any", "anyone"));
    }
}
