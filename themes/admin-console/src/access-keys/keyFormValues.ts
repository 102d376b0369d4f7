import type { AccessKey, KeyInput } from "./api";
import { endOfDay, isoDate } from "@shared/format";

export type KeyFormValues = {
  name: string;
  description: string;
  expires: string;
  scopesMode: "all" | "some";
  scopes: string[];
  clientsMode: "all" | "some";
  clients: string[];
  roles: string;
  cidrs: string;
};

/** Form fields a server error can name ("allowedCidrs: ..." belongs under the CIDR field). */
export const SERVER_FIELDS: Record<string, keyof KeyFormValues> = {
  name: "name",
  description: "description",
  expiresAt: "expires",
  scopes: "scopes",
  clients: "clients",
  roles: "roles",
  allowedCidrs: "cidrs",
};

const list = (text: string) => text.split(/[\s,]+/).map((item) => item.trim()).filter(Boolean);

export const toValues = (key?: AccessKey): KeyFormValues => ({
  name: key?.name ?? "",
  description: key?.description ?? "",
  expires: key?.expiresAt ? isoDate(key.expiresAt) : "",
  scopesMode: key?.scopes ? "some" : "all",
  scopes: key?.scopes ?? [],
  clientsMode: key?.clients ? "some" : "all",
  clients: key?.clients ?? [],
  roles: key?.roles?.join(", ") ?? "",
  cidrs: key?.allowedCidrs?.join(", ") ?? "",
});

export const toInput = (v: KeyFormValues): KeyInput => ({
  name: v.name.trim(),
  description: v.description.trim() || null,
  expiresAt: v.expires ? endOfDay(v.expires) : null,
  scopes: v.scopesMode === "all" ? null : v.scopes,
  clients: v.clientsMode === "all" ? null : v.clients,
  roles: list(v.roles).length ? list(v.roles) : null,
  allowedCidrs: list(v.cidrs).length ? list(v.cidrs) : null,
});
