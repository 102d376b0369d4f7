import { Button, Modal, ModalVariant, Title } from "@patternfly/react-core";
import { useState, type ReactNode } from "react";

type Props = {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
};

/** Asks before a change that cannot be undone; the title wraps, so a long key name is never cut. */
export const ConfirmDialog = ({ title, message, confirmLabel, cancelLabel, danger, onConfirm, onClose }: Props) => {
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
        <Title id="access-key-confirm-title" headingLevel="h1" size="2xl" style={{ overflowWrap: "anywhere", whiteSpace: "normal" }}>
          {title}
        </Title>
      }
      aria-labelledby="access-key-confirm-title"
      isOpen
      onClose={onClose}
      data-testid="confirm-dialog"
      actions={[
        <Button key="confirm" variant={danger ? "danger" : "primary"} onClick={confirm} isLoading={busy} isDisabled={busy} data-testid="confirm-dialog-confirm">
          {confirmLabel}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose} isDisabled={busy}>
          {cancelLabel}
        </Button>,
      ]}
    >
      {message}
    </Modal>
  );
};
