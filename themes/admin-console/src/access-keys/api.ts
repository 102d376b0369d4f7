import type KeycloakAdminClient from "@keycloak/keycloak-admin-client";

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

export const KEY_STATUSES = ["active", "disabled", "revoked", "expired"] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

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

/** Calls /admin/realms/{realm}/access-keys with the console's own token (the admin client refreshes it). */
async function call<T>(
  adminClient: KeycloakAdminClient,
  realm: string,
  path: string,
  init: { method?: string; body?: unknown; query?: Record<string, string | number | undefined>; signal?: AbortSignal } = {},
): Promise<T> {
  const url = new URL(
    `${adminClient.baseUrl}/admin/realms/${encodeURIComponent(realm)}/access-keys${path}`,
  );
  Object.entries(init.query ?? {}).forEach(([name, value]) => {
    if (value !== undefined && value !== "") url.searchParams.set(name, String(value));
  });
  const headers: Record<string, string> = {
    accept: "application/json",
    authorization: `Bearer ${await adminClient.getAccessToken()}`,
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
