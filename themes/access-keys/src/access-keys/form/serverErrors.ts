import type { TFunction } from "i18next";
import type { UseFormReturn } from "react-hook-form";

import { ApiError } from "../api";
import { SERVER_FIELDS, type KeyFormValues } from "./values";

/**
 * Puts a server error that names a field ("name: ...") under that field and focuses it.
 *
 * @return whether the error was placed; otherwise the caller shows it
 */
export function placeServerError(error: unknown, form: UseFormReturn<KeyFormValues>, t: TFunction): boolean {
  const named = error instanceof ApiError ? error.field : undefined;
  const field = named && SERVER_FIELDS[named.name];
  if (!named || !field) return false;
  const message = named.name === "name" && (error as ApiError).status === 409 ? t("accessKeysNameTaken") : named.problem;
  form.setError(field, { type: "server", message });
  // After the form step is shown again.
  setTimeout(() => form.setFocus(field), 0);
  return true;
}
