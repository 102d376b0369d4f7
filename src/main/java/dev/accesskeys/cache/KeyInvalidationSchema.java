package dev.accesskeys.cache;

import java.io.IOException;

import org.infinispan.protostream.FileDescriptorSource;
import org.infinispan.protostream.GeneratedSchema;
import org.infinispan.protostream.ProtobufTagMarshaller;
import org.infinispan.protostream.SerializationContext;
import org.infinispan.protostream.TagReader;
import org.infinispan.protostream.TagWriter;
import org.infinispan.protostream.descriptors.WireType;

/**
 * The ProtoStream schema of {@link KeyInvalidation}, so that Keycloak's cluster transport (Infinispan, which marshals
 * every cluster event with ProtoStream) can carry it between nodes. Keycloak finds it through
 * {@code META-INF/services/org.infinispan.protostream.SerializationContextInitializer} at {@code kc.sh build}.
 */
public final class KeyInvalidationSchema implements GeneratedSchema {

    /** Above Infinispan's reserved range (≤ 65535) and far from the IDs Keycloak itself uses (65536…). */
    static final int TYPE_ID = 2_026_112_401;
    static final String TYPE_NAME = "dev.accesskeys.KeyInvalidation";
    private static final String FILE_NAME = "dev.accesskeys.cache.proto";
    private static final String FILE = """
            syntax = "proto3";
            package dev.accesskeys;

            /**
             * @TypeId(%d)
             */
            message KeyInvalidation {
                string realmId = 1;
                string keyId = 2;
                string userId = 3;
                // epoch ms; set when the change revoked the one key keyId (revocation is final)
                int64 revokedAt = 4;
            }
            """.formatted(TYPE_ID);

    public KeyInvalidationSchema() {
        // found and instantiated through ServiceLoader
    }

    @Override
    public String getProtoFileName() {
        return FILE_NAME;
    }

    @Override
    public String getProtoFile() {
        return FILE;
    }

    @Override
    public void registerSchema(SerializationContext context) {
        context.registerProtoFiles(FileDescriptorSource.fromString(FILE_NAME, FILE));
    }

    @Override
    public void registerMarshallers(SerializationContext context) {
        context.registerMarshaller(new Marshaller());
    }

    static final class Marshaller implements ProtobufTagMarshaller<KeyInvalidation> {

        private static final int REALM_ID = 1;
        private static final int KEY_ID = 2;
        private static final int USER_ID = 3;
        private static final int REVOKED_AT = 4;

        @Override
        public Class<KeyInvalidation> getJavaClass() {
            return KeyInvalidation.class;
        }

        @Override
        public String getTypeName() {
            return TYPE_NAME;
        }

        @Override
        public KeyInvalidation read(ReadContext context) throws IOException {
            TagReader in = context.getReader();
            String realmId = "";
            String keyId = "";
            String userId = "";
            long revokedAt = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (tag) {
                    case REALM_ID << WireType.TAG_TYPE_NUM_BITS | WireType.WIRETYPE_LENGTH_DELIMITED -> realmId = in.readString();
                    case KEY_ID << WireType.TAG_TYPE_NUM_BITS | WireType.WIRETYPE_LENGTH_DELIMITED -> keyId = in.readString();
                    case USER_ID << WireType.TAG_TYPE_NUM_BITS | WireType.WIRETYPE_LENGTH_DELIMITED -> userId = in.readString();
                    case REVOKED_AT << WireType.TAG_TYPE_NUM_BITS | WireType.WIRETYPE_VARINT -> revokedAt = in.readInt64();
                    default -> {
                        if (!in.skipField(tag)) {
                            return KeyInvalidation.unmarshalled(realmId, keyId, userId, revokedAt);
                        }
                    }
                }
            }
            return KeyInvalidation.unmarshalled(realmId, keyId, userId, revokedAt);
        }

        @Override
        public void write(WriteContext context, KeyInvalidation event) throws IOException {
            TagWriter out = context.getWriter();
            out.writeString(REALM_ID, event.realmId());
            if (!event.keyId().isEmpty()) {
                out.writeString(KEY_ID, event.keyId());
            }
            if (!event.userId().isEmpty()) {
                out.writeString(USER_ID, event.userId());
            }
            if (event.revokedAt() != 0) {
                // a node of an earlier release skips the field: it drops its copy instead of keeping it as revoked
                out.writeInt64(REVOKED_AT, event.revokedAt());
            }
        }
    }
}
