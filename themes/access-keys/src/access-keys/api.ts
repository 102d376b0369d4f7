import type { AccountEnvironment } from "@keycloak/keycloak-account-ui";
import type Keycloak from "keycloak-js";

import { requestJson, type KeyStatus, type RequestInit } from "@shared/http";

export { ApiError, KEY_STATUSES, type KeyStatus } from "@shared/http";

/** A key as the self-service REST API returns it (SPEC "The key"). Times are epoch milliseconds. */
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
  createdBy: string | null;
  /** CIDR blocks the key may be used from; null = anywhere. */
  allowedCidrs?: string[] | null;
  /** After a rotate with overlap: until when the previous secret still works. */
  previousSecretExpiresAt?: number | null;
};


export type KeyPolicy = {
  maxKeysPerUser: number;
  maxLifetimeDays: number | null;
  requireExpiration: boolean;
  defaultLifetimeDays: number | null;
  deleteRequiresInactive: boolean;
  accessTokenLifespanSeconds: number | null;
  /** Longest overlap a rotate may keep the old secret working (lifecycle work; absent on older servers). */
  maxRotationOverlapSeconds?: number | null;
};

/** A choice of /options; `internal` ones (Keycloak machinery) are shown only after "Show all". */
export type ScopeOption = { name: string; description?: string | null; displayName?: string; internal?: boolean };
export type RoleOption = { name: string; description?: string | null; internal?: boolean };
export type ClientOption = { clientId: string; name?: string | null; appPasswords?: boolean };

/** GET /access-keys/options: what the caller may choose, and the realm's limits. */
export type KeyOptions = {
  scopes: ScopeOption[];
  clients: ClientOption[];
  roles: RoleOption[];
  policy: KeyPolicy;
  activeKeys: number;
};

/** Fields of create (POST) and change (PATCH); absent fields are left alone by PATCH. */
export type KeyInput = Partial<
  Pick<AccessKey, "name" | "description" | "expiresAt" | "scopes" | "clients" | "roles" | "enabled" | "allowedCidrs">
>;

export type ApiContext = { environment: AccountEnvironment; keycloak: Keycloak };

async function bearerToken(keycloak: Keycloak): Promise<string | undefined> {
  try {
    await keycloak.updateToken(5);
  } catch {
    await keycloak.login();
  }
  return keycloak.token;
}

function call<T>({ environment, keycloak }: ApiContext, path: string, init: RequestInit = {}): Promise<T> {
  const base = `${environment.serverBaseUrl}/realms/${encodeURIComponent(environment.realm)}/access-keys`;
  return bearerToken(keycloak).then((token) => requestJson<T>(base + path, token, init));
}

const keyPath = (id: string) => `/${encodeURIComponent(id)}`;

export type SortField = "name" | "createdAt" | "expiresAt" | "lastUsedAt";

export type KeyFilter = { status?: KeyStatus; search?: string };

export type KeyListQuery = KeyFilter & { first: number; max: number; sort?: SortField; order?: "asc" | "desc" };

export const listKeys = (context: ApiContext, query: KeyListQuery, signal?: AbortSignal) =>
  call<AccessKey[]>(context, "", { query, signal });

export const countKeys = (context: ApiContext, query: KeyFilter, signal?: AbortSignal) =>
  call<number>(context, "/count", { query, signal });

export const getOptions = (context: ApiContext, signal?: AbortSignal) =>
  call<KeyOptions>(context, "/options", { signal });

export const createKey = (context: ApiContext, input: KeyInput) =>
  call<AccessKey>(context, "", { method: "POST", body: input });

export const updateKey = (context: ApiContext, id: string, input: KeyInput) =>
  call<AccessKey>(context, keyPath(id), { method: "PATCH", body: input });

export const revokeKey = (context: ApiContext, id: string) =>
  call<AccessKey>(context, `${keyPath(id)}/revoke`, { method: "POST" });

/** Rotate body: keep the old secret working `overlapSeconds`, and optionally a new expiry. */
export type RotateInput = { overlapSeconds: number; expiresAt?: number | null };

export const rotateKey = (context: ApiContext, id: string, input: RotateInput) =>
  call<AccessKey>(context, `${keyPath(id)}/rotate`, { method: "POST", body: input });

export const deleteKey = (context: ApiContext, id: string) =>
  call<void>(context, keyPath(id), { method: "DELETE" });
