import type { AccessKey, KeyInput, KeyOptions } from "../api";
import { expiresAt, type ExpiryChoice, type ExpiryRules } from "./expiry";

export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 1000;
const OPENID = "openid";
const DEFAULT_SCOPES = ["profile"];

export type Limit = "all" | "selected";

export type KeyFormValues = {
  name: string;
  description: string;
  expiry: ExpiryChoice;
  customDate: string;
  scopeLimit: Limit;
  scopes: string[];
  clientLimit: Limit;
  clients: string[];
  roleLimit: Limit;
  roles: string[];
  /** CIDR blocks, comma or space separated; empty = anywhere. */
  cidrs: string;
};

/**
 * A new key starts with only what the user chooses: openid + profile, the client preselected only when exactly one
 * accepts keys, and no roles.
 */
export function newKeyValues(options: KeyOptions, defaultExpiry: ExpiryChoice): KeyFormValues {
  const known = new Set(options.scopes.map((s) => s.name));
  return {
    name: "",
    description: "",
    expiry: defaultExpiry,
    customDate: "",
    scopeLimit: "selected",
    scopes: DEFAULT_SCOPES.filter((s) => known.has(s)),
    clientLimit: "selected",
    clients: options.clients.length === 1 ? [options.clients[0].clientId] : [],
    roleLimit: "selected",
    roles: [],
    cidrs: "",
  };
}

export function keyValues(key: AccessKey): KeyFormValues {
  return {
    name: key.name,
    description: key.description ?? "",
    expiry: "keep",
    customDate: "",
    scopeLimit: key.scopes ? "selected" : "all",
    scopes: (key.scopes ?? []).filter((s) => s !== OPENID),
    clientLimit: key.clients ? "selected" : "all",
    clients: key.clients ?? [],
    roleLimit: key.roles ? "selected" : "all",
    roles: key.roles ?? [],
    cidrs: key.allowedCidrs?.join(", ") ?? "",
  };
}

/** The allow-list a text names; null (anywhere) when it names none. */
export function cidrList(text: string): string[] | null {
  const list = text.split(/[\s,]+/).filter(Boolean);
  return list.length ? list : null;
}

export function toInput(values: KeyFormValues, rules: ExpiryRules): KeyInput {
  const input: KeyInput = {
    name: values.name.trim(),
    description: values.description.trim() || null,
    scopes: values.scopeLimit === "all" ? null : [OPENID, ...values.scopes],
    clients: values.clientLimit === "all" ? null : values.clients,
    roles: values.roleLimit === "all" ? null : values.roles,
    allowedCidrs: cidrList(values.cidrs),
  };
  const expiry = expiresAt(values.expiry, values.customDate, rules);
  if (expiry !== undefined) input.expiresAt = expiry;
  return input;
}

/** PATCH only what changed. */
export function changes(input: KeyInput, key: AccessKey): KeyInput {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const changed: Record<string, unknown> = {};
  (Object.keys(input) as (keyof KeyInput)[]).forEach((field) => {
    const before = field === "scopes" && key.scopes && !key.scopes.includes(OPENID) ? [OPENID, ...key.scopes] : key[field];
    if (field === "expiresAt" || !same(input[field], before ?? null)) changed[field] = input[field];
  });
  return changed as KeyInput;
}

/** Form fields a server error can name ("expiresAt: ..." belongs under the expiry). */
export const SERVER_FIELDS: Record<string, keyof KeyFormValues> = {
  name: "name",
  description: "description",
  expiresAt: "expiry",
  scopes: "scopes",
  clients: "clients",
  roles: "roles",
  allowedCidrs: "cidrs",
};
