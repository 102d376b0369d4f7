/**
 * The realm policy's fields (SPEC "Realm policy") as the form shows them: kind, limits and the message keys of label
 * and help (`accessKeysPolicy<Field>` / `accessKeysPolicy<Field>Help`). A field the server does not answer is not shown.
 */
export type PolicyField =
  | { name: string; kind: "number"; min: number; max: number; optional: boolean }
  | { name: string; kind: "switch" }
  | { name: string; kind: "days-list"; min: number; max: number }
  | { name: string; kind: "choice"; options: string[] };

export const POLICY_FIELDS: PolicyField[] = [
  { name: "maxKeysPerUser", kind: "number", min: 0, max: 10000, optional: false },
  { name: "maxLifetimeDays", kind: "number", min: 1, max: 36500, optional: true },
  { name: "requireExpiration", kind: "switch" },
  { name: "defaultLifetimeDays", kind: "number", min: 1, max: 36500, optional: true },
  { name: "deleteRequiresInactive", kind: "switch" },
  { name: "accessTokenLifespanSeconds", kind: "number", min: 1, max: 86400, optional: true },
  { name: "maxRotationOverlapSeconds", kind: "number", min: 0, max: 604800, optional: false },
  { name: "expiryNotificationDays", kind: "days-list", min: 1, max: 365 },
  { name: "revokedRetentionDays", kind: "number", min: 1, max: 36500, optional: false },
  { name: "leakedKeyAction", kind: "choice", options: ["revoke", "disable"] },
];

export const capitalized = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
