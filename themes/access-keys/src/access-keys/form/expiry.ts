import type { TFunction } from "i18next";

import type { KeyPolicy } from "../api";
import { DAY, endOfDay, formatDateTime, isoDate } from "@shared/format";

const PRESET_DAYS = [7, 30, 90, 180, 365];
const FALLBACK_DEFAULT_DAYS = 90;

/** Expiry choices: "keep" (edit, rotate), "never", "custom" or a number of days from now. */
export type ExpiryChoice = "keep" | "never" | "custom" | `${number}`;

/** The expiry choices the realm policy allows, and the range of a custom date. */
export function expiryRules(policy: KeyPolicy, createdAt = Date.now()) {
  const maxDays = policy.maxLifetimeDays;
  const neverAllowed = !policy.requireExpiration && maxDays == null && policy.defaultLifetimeDays == null;
  const days = PRESET_DAYS.filter((d) => maxDays == null || d <= maxDays);
  for (const extra of [policy.defaultLifetimeDays, maxDays]) {
    if (extra != null && extra > 0 && !days.includes(extra)) days.push(extra);
  }
  days.sort((a, b) => a - b);
  const defaultDays =
    policy.defaultLifetimeDays ?? (maxDays == null || maxDays >= FALLBACK_DEFAULT_DAYS ? FALLBACK_DEFAULT_DAYS : maxDays);
  // The policy counts the lifetime from creation.
  const latest = maxDays == null ? undefined : createdAt + maxDays * DAY;
  return {
    maxDays,
    neverAllowed,
    presets: days,
    defaultChoice: `${defaultDays}` as ExpiryChoice,
    latest,
    minDate: isoDate(Date.now() + DAY),
    maxDate: latest ? isoDate(latest - DAY) : undefined,
  };
}

export type ExpiryRules = ReturnType<typeof expiryRules>;

export function expiryChoices(rules: ExpiryRules, withKeep: boolean): ExpiryChoice[] {
  return [
    ...(withKeep ? (["keep"] as ExpiryChoice[]) : []),
    ...rules.presets.map((d) => `${d}` as ExpiryChoice),
    "custom",
    ...(rules.neverAllowed ? (["never"] as ExpiryChoice[]) : []),
  ];
}

/** The expiresAt to send: undefined keeps the current one, null is "never". */
export function expiresAt(choice: ExpiryChoice, customDate: string, rules: ExpiryRules): number | null | undefined {
  if (choice === "keep") return undefined;
  if (choice === "never") return null;
  if (choice === "custom") {
    const end = endOfDay(customDate);
    return rules.latest ? Math.min(end, rules.latest - 60_000) : end;
  }
  return Date.now() + Number(choice) * DAY;
}

export function expiryLabel(t: TFunction, choice: ExpiryChoice, rules: ExpiryRules, locale: string, current?: number | null) {
  if (choice === "keep") {
    return current ? t("accessKeysExpiryKeep", { date: formatDateTime(current, locale) }) : t("accessKeysExpiryKeepNever");
  }
  if (choice === "never") return t("accessKeysExpiryNever");
  if (choice === "custom") return t("accessKeysExpiryCustom");
  const days = Number(choice);
  const label = t("accessKeysExpiryDays", { count: days, date: formatDateTime(Date.now() + days * DAY, locale) });
  return days === rules.maxDays ? `${label} ${t("accessKeysExpiryMaximumSuffix")}` : label;
}

export function customDateError(t: TFunction, value: string, rules: ExpiryRules) {
  if (!value) return t("accessKeysExpiryDateRequired");
  if (value < rules.minDate || (rules.maxDate !== undefined && value > rules.maxDate)) {
    return t("accessKeysExpiryDateOutOfRange");
  }
  return undefined;
}
