import { Button, Modal, ModalVariant, Title } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
};

/** Asks before a change that cannot be undone; the title wraps, so a long key name is never cut. */
export const ConfirmDialog = ({ title, message, confirmLabel, danger, onConfirm, onClose }: Props) => {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      variant={ModalVariant.small}
      header={
        <Title id="access-key-confirm-title" headingLevel="h1" size="2xl" className="access-keys-wrap-title">
          {title}
        </Title>
      }
      aria-labelledby="access-key-confirm-title"
      isOpen
      onClose={onClose}
      data-testid="confirm-dialog"
      actions={[
        <Button
          key="confirm"
          variant={danger ? "danger" : "primary"}
          onClick={confirm}
          isLoading={busy}
          isDisabled={busy}
          data-testid="confirm-dialog-confirm"
        >
          {confirmLabel}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose} isDisabled={busy}>
          {t("accessKeysCancel")}
        </Button>,
      ]}
    >
      {message}
    </Modal>
  );
};
