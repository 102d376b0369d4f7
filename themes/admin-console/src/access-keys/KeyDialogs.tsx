import { AlertVariant } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

import type { AccessKey, KeyInput } from "./api";
import { ConfirmDialog } from "@shared/ConfirmDialog";
import { KeyForm } from "./KeyForm";
import type { RowAction } from "./KeyRowActions";
import { RotateDialog } from "./RotateDialog";
import { SecretDialog } from "./SecretDialog";
import { useKeysApi } from "./useKeysApi";

export type Dialog =
  | { kind: "create" }
  | { kind: RowAction; key: AccessKey }
  | { kind: "secret"; key: AccessKey & { secret: string }; rotated: boolean }
  | { kind: "bulk"; ids: string[] }
  | { kind: "bulkUser"; count: number };

type Props = {
  dialog: Dialog | undefined;
  user?: { id: string; username: string };
  onDialog: (dialog: Dialog | undefined) => void;
  onChanged: () => void;
};

/** The dialogs of the key list and what their buttons do: create, edit, rotate, revoke, delete, bulk revoke. */
export const KeyDialogs = ({ dialog, user, onDialog, onChanged }: Props) => {
  const { t } = useTranslation();
  const { api, addAlert, reportError } = useKeysApi();
  const close = () => onDialog(undefined);

  async function run<T>(action: () => Promise<T>, failure: string, success?: string) {
    try {
      const result = await action();
      if (success) addAlert(success, AlertVariant.success);
      onChanged();
      return result;
    } catch (error) {
      reportError(failure, error);
      return undefined;
    }
  }
  const showSecret = (key: AccessKey | undefined, rotated: boolean) =>
    key?.secret ? onDialog({ kind: "secret", key: { ...key, secret: key.secret }, rotated }) : close();

  if (!dialog) return null;
  switch (dialog.kind) {
    case "create":
      return (
        <KeyForm
          failure={t("accessKeysErrorCreate")}
          onClose={close}
          onSubmit={async (input: KeyInput) => {
            const key = await api.create({ ...input, userId: user!.id });
            onChanged();
            showSecret(key, false);
          }}
        />
      );
    case "edit":
      return (
        <KeyForm
          accessKey={dialog.key}
          failure={t("accessKeysErrorSave")}
          onClose={close}
          onSubmit={async (input) => {
            await api.update(dialog.key.id, input);
            addAlert(t("accessKeysSaved"), AlertVariant.success);
            onChanged();
            close();
          }}
        />
      );
    case "rotate":
      return (
        <RotateDialog
          accessKey={dialog.key}
          onClose={close}
          onRotate={async (input) => showSecret(await run(() => api.rotate(dialog.key.id, input), t("accessKeysErrorRotate")), true)}
        />
      );
    case "toggle": {
      const { key } = dialog;
      close();
      void run(
        () => api.update(key.id, { enabled: !key.enabled }),
        t("accessKeysErrorSave"),
        t(key.enabled ? "accessKeysDisabledAlert" : "accessKeysEnabledAlert", { name: key.name }),
      );
      return null;
    }
    case "secret":
      return <SecretDialog accessKey={dialog.key} rotated={dialog.rotated} onClose={close} />;
    case "revoke":
    case "delete": {
      const { key, kind } = dialog;
      const Kind = kind.charAt(0).toUpperCase() + kind.slice(1);
      const confirm = async () => {
        if (kind === "revoke") await run(() => api.revoke(key.id), t("accessKeysErrorRevoke"), t("accessKeysRevokedAlert", { name: key.name }));
        else await run(() => api.remove(key.id), t("accessKeysErrorDelete"), t("accessKeysDeletedAlert", { name: key.name }));
        close();
      };
      return (
        <ConfirmDialog
          cancelLabel={t("cancel")}
          title={t(`accessKeysConfirm${Kind}Title`, { name: key.name })}
          message={t(`accessKeysConfirm${Kind}`, { name: key.name, username: key.username ?? key.userId })}
          confirmLabel={kind === "delete" ? t("delete") : t(`accessKeys${Kind}`)}
          danger
          onConfirm={confirm}
          onClose={close}
        />
      );
    }
    case "bulk":
    case "bulkUser": {
      const body = dialog.kind === "bulk" ? { ids: dialog.ids } : { userId: user!.id };
      const message =
        dialog.kind === "bulk"
          ? t("accessKeysConfirmBulkRevoke", { count: dialog.ids.length })
          : t("accessKeysConfirmRevokeAllOfUser", { username: user!.username, count: dialog.count });
      return (
        <ConfirmDialog
          cancelLabel={t("cancel")}
          title={t("accessKeysConfirmBulkRevokeTitle")}
          message={message}
          confirmLabel={t("accessKeysRevoke")}
          danger
          onConfirm={async () => {
            const answer = await run(() => api.revokeMany(body), t("accessKeysErrorRevoke"));
            if (answer) addAlert(t("accessKeysBulkRevokedAlert", { count: answer.revoked.length }), AlertVariant.success);
            close();
          }}
          onClose={close}
        />
      );
    }
  }
};
