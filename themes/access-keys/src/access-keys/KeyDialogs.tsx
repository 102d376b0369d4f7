import { useTranslation } from "react-i18next";

import type { AccessKey, KeyOptions } from "./api";
import { ConfirmDialog } from "@shared/ConfirmDialog";
import { CreateKeyDialog } from "./form/CreateKeyDialog";
import { EditKeyDialog } from "./form/EditKeyDialog";
import { RotateDialog } from "./RotateDialog";
import { SecretDialog } from "./secret/SecretDialog";
import type { IssuedKey, KeyActions } from "./useKeyActions";

export type Dialog =
  | { kind: "create" }
  | { kind: "edit" | "rotate" | "revoke" | "delete"; key: AccessKey }
  | { kind: "secret"; key: IssuedKey; rotated: boolean };

type Props = {
  dialog?: Dialog;
  setDialog: (dialog?: Dialog) => void;
  options?: KeyOptions;
  actions: KeyActions;
  onCreated: () => void;
};

/** Focus the key's row once the dialog (and its focus trap, which returns focus first) has gone. */
function focusRow(id: string) {
  const focus = () => document.getElementById(`key-row-${id}`)?.focus();
  setTimeout(focus, 50);
  setTimeout(focus, 300);
}

/** The dialog that is open, if any: create, edit, rotate, revoke, delete, or the secret shown once. */
export const KeyDialogs = ({ dialog, setDialog, options, actions, onCreated }: Props) => {
  const { t } = useTranslation();
  const close = () => setDialog(undefined);
  if (!dialog) return null;
  switch (dialog.kind) {
    case "create":
      return options ? (
        <CreateKeyDialog
          options={options}
          onCreate={actions.create}
          onCreated={(key) => {
            onCreated();
            setDialog({ kind: "secret", key, rotated: false });
          }}
          onClose={close}
        />
      ) : null;
    case "edit":
      return options ? (
        <EditKeyDialog accessKey={dialog.key} options={options} onSave={(input) => actions.edit(dialog.key, input)} onClose={close} />
      ) : null;
    case "rotate":
      return (
        <RotateDialog
          accessKey={dialog.key}
          policy={options?.policy}
          onRotate={async (input) => {
            const rotated = await actions.rotate(dialog.key, input);
            setDialog(rotated ? { kind: "secret", key: rotated, rotated: true } : undefined);
          }}
          onClose={close}
        />
      );
    case "secret":
      return (
        <SecretDialog
          accessKey={dialog.key}
          rotated={dialog.rotated}
          options={options}
          onClose={() => {
            close();
            focusRow(dialog.key.id);
          }}
        />
      );
    default: {
      const { kind, key } = dialog;
      const Kind = kind === "revoke" ? "Revoke" : "Delete";
      return (
        <ConfirmDialog
          cancelLabel={t("accessKeysCancel")}
          title={t(`accessKeysConfirm${Kind}Title`, { name: key.name })}
          message={t(`accessKeysConfirm${Kind}`, { name: key.name })}
          confirmLabel={t(`accessKeys${Kind}`)}
          danger
          onConfirm={async () => {
            await (kind === "revoke" ? actions.revoke(key) : actions.remove(key));
            close();
          }}
          onClose={close}
        />
      );
    }
  }
};
