import { Button, Modal, ModalVariant } from "@patternfly/react-core";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
};

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
      title={title}
      titleIconVariant={danger ? "warning" : undefined}
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
          {t("cancel")}
        </Button>,
      ]}
    >
      {message}
    </Modal>
  );
};
