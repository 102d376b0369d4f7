import type { AccountEnvironment } from "@keycloak/keycloak-account-ui";
import type Keycloak from "keycloak-js";

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

export const KEY_STATUSES = ["active", "disabled", "revoked", "expired"] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

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

/** An error answer of the API: {"error": code, "error_description": text}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string | undefined,
  ) {
    super(description || code);
    this.name = "ApiError";
  }

  /** The field a 400/409 names ("name: ..."), with the rest of the description. */
  get field(): { name: string; problem: string } | undefined {
    const match = /^([A-Za-z]+): (.+)$/s.exec(this.description ?? "");
    return match ? { name: match[1], problem: match[2] } : undefined;
  }
}

export type ApiContext = { environment: AccountEnvironment; keycloak: Keycloak };

async function bearerToken(keycloak: Keycloak): Promise<string | undefined> {
  try {
    await keycloak.updateToken(5);
  } catch {
    await keycloak.login();
  }
  return keycloak.token;
}

async function call<T>(
  { environment, keycloak }: ApiContext,
  path: string,
  init: { method?: string; body?: unknown; query?: Record<string, string | number | undefined>; signal?: AbortSignal } = {},
): Promise<T> {
  const url = new URL(
    `${environment.serverBaseUrl}/realms/${encodeURIComponent(environment.realm)}/access-keys${path}`,
  );
  Object.entries(init.query ?? {}).forEach(([name, value]) => {
    if (value !== undefined && value !== "") url.searchParams.set(name, String(value));
  });
  const headers: Record<string, string> = {
    accept: "application/json",
    authorization: `Bearer ${await bearerToken(keycloak)}`,
  };
  if (init.body !== undefined) headers["content-type"] = "application/json";

  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
  if (!response.ok) {
    let code = `http_${response.status}`;
    let description: string | undefined;
    try {
      const body = await response.json();
      code = body.error ?? code;
      description = body.error_description;
    } catch {
      description = response.statusText || undefined;
    }
    throw new ApiError(response.status, code, description);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
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
