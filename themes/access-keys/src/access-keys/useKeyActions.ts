import { useAccountAlerts, useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { AlertVariant } from "@patternfly/react-core";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";

import {
  createKey,
  deleteKey,
  revokeKey,
  rotateKey,
  updateKey,
  type AccessKey,
  type KeyInput,
  type RotateInput,
} from "./api";

export type IssuedKey = AccessKey & { secret: string };

/** Reports a failed call as a Keycloak alert (aborted loads are not failures). */
export function useReportError() {
  const { addAlert } = useAccountAlerts();
  return useCallback(
    (summary: string, error: unknown) => {
      if (error instanceof DOMException && error.name === "AbortError") return;
      console.error(error);
      addAlert(summary, AlertVariant.danger, error instanceof Error ? error.message : String(error));
    },
    [addAlert],
  );
}

/**
 * The changes a user makes to keys. Each one refreshes the list afterwards; the ones that answer with a value
 * return it, the quick ones report their own success or failure as alerts. Create and edit throw, so that the form
 * can put a server field error under its field.
 */
export function useKeyActions(refresh: () => void) {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const { addAlert } = useAccountAlerts();
  const reportError = useReportError();

  async function quick(action: () => Promise<unknown>, failure: string, success: string) {
    try {
      await action();
      addAlert(success, AlertVariant.success);
    } catch (error) {
      reportError(failure, error);
    }
    refresh();
  }

  return {
    create: async (input: KeyInput): Promise<IssuedKey> => {
      const created = await createKey(context, input);
      refresh();
      return created as IssuedKey;
    },
    edit: async (key: AccessKey, input: KeyInput) => {
      await updateKey(context, key.id, input);
      addAlert(t("accessKeysSaved"), AlertVariant.success);
      refresh();
    },
    rotate: async (key: AccessKey, input: RotateInput): Promise<IssuedKey | undefined> => {
      try {
        return (await rotateKey(context, key.id, input)) as IssuedKey;
      } catch (error) {
        reportError(t("accessKeysErrorRotate"), error);
        return undefined;
      } finally {
        refresh();
      }
    },
    setEnabled: (key: AccessKey, enabled: boolean) =>
      quick(
        () => updateKey(context, key.id, { enabled }),
        enabled ? t("accessKeysErrorEnable") : t("accessKeysErrorDisable"),
        t(enabled ? "accessKeysEnabledAlert" : "accessKeysDisabledAlert", { name: key.name }),
      ),
    revoke: (key: AccessKey) =>
      quick(() => revokeKey(context, key.id), t("accessKeysErrorRevoke"), t("accessKeysRevokedAlert", { name: key.name })),
    remove: (key: AccessKey) =>
      quick(() => deleteKey(context, key.id), t("accessKeysErrorDelete"), t("accessKeysDeletedAlert", { name: key.name })),
  };
}

export type KeyActions = ReturnType<typeof useKeyActions>;
