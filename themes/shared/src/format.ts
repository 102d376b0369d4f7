/** Dates and statuses as both consoles show them. */
import type { TFunction } from "i18next";

import type { KeyStatus } from "./http";

export const DAY = 24 * 60 * 60 * 1000;

export function formatDateTime(millis: number, locale: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(millis),
  );
}

export function formatDate(millis: number, locale: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(millis));
}

/** yyyy-mm-dd in local time, as a native date input wants it. */
export function isoDate(millis: number) {
  const date = new Date(millis);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The end (23:59:59.999 local time) of a yyyy-mm-dd day. */
export function endOfDay(value: string) {
  const [year, month, day] = value.split("-").map(Number);
  return new Date(year, month - 1, day, 23, 59, 59, 999).getTime();
}

export const statusColor: Record<KeyStatus, "green" | "grey" | "red" | "orange"> = {
  active: "green",
  disabled: "grey",
  revoked: "red",
  expired: "orange",
};

export const statusLabel = (t: TFunction, status: KeyStatus) =>
  t(`accessKeysStatus${status.charAt(0).toUpperCase()}${status.slice(1)}`);

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * DAY],
  ["month", 30 * DAY],
  ["day", DAY],
  ["hour", 60 * 60 * 1000],
  ["minute", 60 * 1000],
];

/** "in 3 days", "2 hours ago", "now" (under a minute): the largest whole unit, in the user's language. */
export function formatRelative(millis: number, locale: string, now = Date.now()) {
  const diff = millis - now;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return format.format(Math.trunc(diff / size), unit);
  }
  return format.format(0, "second");
}

/** Whole days until a time (rounded down: 5 days and an hour is "5 days"), for "expires in N days". */
export const daysUntil = (millis: number, now = Date.now()) => Math.floor((millis - now) / DAY);

/** Keys expiring within this many days get a badge. */
export const EXPIRING_SOON_DAYS = 14;

/** The locale the admin console shows dates in (the admin's, as the stock pages use it). */
export const browserLocale = () => navigator.language || "en";
