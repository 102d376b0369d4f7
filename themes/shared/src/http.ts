/** What both consoles share about the access-keys REST APIs: key statuses, the JSON error, one fetch. */

export const KEY_STATUSES = ["active", "disabled", "revoked", "expired"] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

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

export type RequestInit = {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
};

/** Calls a JSON endpoint with a bearer token; a non-2xx answer becomes an ApiError, 204 undefined. */
export async function requestJson<T>(address: string, token: string | undefined, init: RequestInit = {}): Promise<T> {
  const url = new URL(address);
  Object.entries(init.query ?? {}).forEach(([name, value]) => {
    if (value !== undefined && value !== "") url.searchParams.set(name, String(value));
  });
  const headers: Record<string, string> = { accept: "application/json", authorization: `Bearer ${token}` };
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
