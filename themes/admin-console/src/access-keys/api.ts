import type KeycloakAdminClient from "@keycloak/keycloak-admin-client";

import { requestJson, type KeyStatus, type RequestInit } from "@shared/http";

export { ApiError, KEY_STATUSES, type KeyStatus } from "@shared/http";

/** A key as the admin REST API returns it (SPEC "The key"). Times are epoch milliseconds. */
export type AccessKey = {
  id: string;
  secret?: string;
  name: string;
  description: string | null;
  status: KeyStatus;
  enabled: boolean;
  scopes: string[] | null;
  clients: string[] | null;
  roles: string[] | null;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
  lastUsedIp: string | null;
  userId: string;
  username: string | null;
  createdBy: string | null;
  /** CIDR blocks the key may be used from; null = anywhere. */
  allowedCidrs: string[] | null;
  /** After a rotate with overlap: until when the previous secret still works. */
  previousSecretExpiresAt: number | null;
};


/** The realm policy: whatever fields GET /policy answers (the form shows the ones it knows). */
export type KeyPolicy = Record<string, number | boolean | string | number[] | null>;

export type KeyInput = Partial<
  Pick<AccessKey, "name" | "description" | "expiresAt" | "scopes" | "clients" | "roles" | "enabled" | "allowedCidrs">
> & { userId?: string };

/** Rotate body: keep the old secret working `overlapSeconds` (at most the policy's), and optionally a new expiry. */
export type RotateInput = { overlapSeconds: number; expiresAt?: number | null };

export type ListQuery = {
  userId?: string;
  status?: KeyStatus;
  search?: string;
  first?: number;
  max?: number;
  sort?: string;
  order?: "asc" | "desc";
};

/** Calls /admin/realms/{realm}/access-keys with the console's own token (the admin client refreshes it). */
async function call<T>(adminClient: KeycloakAdminClient, realm: string, path: string, init: RequestInit = {}): Promise<T> {
  const base = `${adminClient.baseUrl}/admin/realms/${encodeURIComponent(realm)}/access-keys`;
  return requestJson<T>(base + path, await adminClient.getAccessToken(), init);
}

const keyPath = (id: string) => `/${encodeURIComponent(id)}`;

/** The admin API of one realm. */
export const keysApi = (adminClient: KeycloakAdminClient, realm: string) => ({
  list: (query: ListQuery, signal?: AbortSignal) => call<AccessKey[]>(adminClient, realm, "", { query, signal }),
  count: (query: ListQuery, signal?: AbortSignal) =>
    call<number>(adminClient, realm, "/count", {
      query: { userId: query.userId, status: query.status, search: query.search },
      signal,
    }),
  create: (input: KeyInput) => call<AccessKey>(adminClient, realm, "", { method: "POST", body: input }),
  update: (id: string, input: KeyInput) =>
    call<AccessKey>(adminClient, realm, keyPath(id), { method: "PATCH", body: input }),
  revoke: (id: string) => call<AccessKey>(adminClient, realm, `${keyPath(id)}/revoke`, { method: "POST" }),
  rotate: (id: string, input: RotateInput) =>
    call<AccessKey>(adminClient, realm, `${keyPath(id)}/rotate`, { method: "POST", body: input }),
  remove: (id: string) => call<void>(adminClient, realm, keyPath(id), { method: "DELETE" }),
  revokeMany: (body: { ids: string[] } | { userId: string }) =>
    call<{ revoked: string[] }>(adminClient, realm, "/revoke", { method: "POST", body }),
  policy: (signal?: AbortSignal) => call<KeyPolicy>(adminClient, realm, "/policy", { signal }),
  savePolicy: (policy: KeyPolicy) => call<KeyPolicy>(adminClient, realm, "/policy", { method: "PUT", body: policy }),
});

export type KeysApi = ReturnType<typeof keysApi>;
