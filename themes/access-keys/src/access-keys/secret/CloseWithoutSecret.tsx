import { Button, Modal, ModalVariant } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

type Props = { onBack: () => void; onClose: () => void };

/** "The secret will not be shown again": asked when the secret dialog is closed before "I have copied the secret". */
export const CloseWithoutSecret = ({ onBack, onClose }: Props) => {
  const { t } = useTranslation();
  return (
    <Modal
      variant={ModalVariant.small}
      title={t("accessKeysCloseSecretTitle")}
      titleIconVariant="warning"
      isOpen
      onClose={onBack}
      data-testid="close-secret-confirm"
      actions={[
        <Button key="back" variant="primary" onClick={onBack} data-testid="close-secret-back">
          {t("accessKeysCloseSecretBack")}
        </Button>,
        <Button key="close" variant="danger" onClick={onClose} data-testid="close-secret-close">
          {t("accessKeysCloseSecretClose")}
        </Button>,
      ]}
    >
      {t("accessKeysCloseSecretText")}
    </Modal>
  );
};
