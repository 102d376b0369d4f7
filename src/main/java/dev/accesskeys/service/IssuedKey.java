package dev.accesskeys.service;

import dev.accesskeys.model.AccessKey;

/** A key with the secret that was just issued for it: the only moment the secret exists outside its hash. */
public record IssuedKey(AccessKey key, String secret) {

    @Override
    public String toString() {
        return "IssuedKey[" + key.getId() + "]";
    }
}
