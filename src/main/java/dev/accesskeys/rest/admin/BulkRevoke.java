package dev.accesskeys.rest.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.accesskeys.model.AccessKey;
import dev.accesskeys.model.AccessKeyQuery;
import dev.accesskeys.rest.AccessKeyRepresentation;
import dev.accesskeys.rest.KeyAudit;
import dev.accesskeys.service.AccessKeyException;
import dev.accesskeys.service.KeyEdits;
import dev.accesskeys.service.KeyReads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /admin/realms/{realm}/access-keys/revoke} (incident response): revokes the listed keys
 * ({@code {"ids": [...]}}) or every key of one user ({@code {"userId": "..."}}) in one transaction, one admin event
 * per revoked key. An unknown ID refuses the whole request (404); keys that were already revoked are left out of the
 * answer {@code {"revoked": [...]}}.
 */
final class BulkRevoke {

    /** Most IDs one request may list. */
    static final int MAX_IDS = 1000;
    private static final String IDS = "ids";
    private static final String USER_ID = "userId";
    private static final int PAGE = 500;

    private final KeyReads reads;
    private final KeyEdits edits;
    private final KeyAudit audit;
    private final Consumer<AccessKey> requireManage;

    /** @param requireManage throws when the caller may not change that key */
    BulkRevoke(KeyReads reads, KeyEdits edits, KeyAudit audit, Consumer<AccessKey> requireManage) {
        this.reads = reads;
        this.edits = edits;
        this.audit = audit;
        this.requireManage = requireManage;
    }

    Map<String, List<String>> run(ObjectNode body) {
        List<AccessKey> keys = targets(body);
        keys.forEach(requireManage);
        List<String> revoked = new ArrayList<>();
        for (AccessKey key : keys) {
            if (edits.revoke(key)) {
                audit.record(KeyAudit.Action.REVOKE, key, AccessKeyRepresentation.of(key));
                revoked.add(key.getId());
            }
        }
        return Map.of("revoked", revoked);
    }

    private List<AccessKey> targets(ObjectNode body) {
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!IDS.equals(name) && !USER_ID.equals(name)) {
                throw AccessKeyException.invalid(AccessKeyException.shown(name), "is not a field of a bulk revoke; send \"ids\" or \"userId\"");
            }
        }
        boolean hasIds = body.hasNonNull(IDS);
        boolean hasUser = body.hasNonNull(USER_ID);
        if (hasIds == hasUser) {
            throw AccessKeyException.invalidRequest("send either \"ids\" (a list of key IDs) or \"userId\" (revoke all keys of that user), not both or neither");
        }
        return hasIds ? byIds(body.get(IDS)) : ofUser(body.get(USER_ID));
    }

    private List<AccessKey> byIds(JsonNode node) {
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_IDS) {
            throw AccessKeyException.invalid(IDS, "must be a list of 1 to " + MAX_IDS + " key IDs");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode id : node) {
            if (!id.isTextual()) {
                throw AccessKeyException.invalid(IDS, "must hold strings only");
            }
            ids.add(id.textValue());
        }
        return ids.stream().map(reads::require).toList();
    }

    private List<AccessKey> ofUser(JsonNode node) {
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw AccessKeyException.invalid(USER_ID, "must be the id of a user");
        }
        List<AccessKey> keys = new ArrayList<>();
        // the owner's whole list, revoked keys included, so the pages do not move while keys get revoked
        for (int first = 0; ; first += PAGE) {
            List<AccessKey> page = reads.list(new AccessKeyQuery(node.textValue(), null, null, first, PAGE));
            page.stream().filter(key -> key.getRevokedAt() == null).forEach(keys::add);
            if (page.size() < PAGE) {
                return keys;
            }
        }
    }
}
