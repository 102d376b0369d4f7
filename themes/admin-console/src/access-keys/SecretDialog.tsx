import { useEnvironment, useRealm, type AdminEnvironment } from "@keycloak/keycloak-admin-ui";
import {
  Alert,
  Button,
  Checkbox,
  ClipboardCopy,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Modal,
  ModalVariant,
  Stack,
  StackItem,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { AccessKey } from "./api";

type Props = {
  accessKey: AccessKey & { secret: string };
  rotated: boolean;
  onClose: () => void;
};

/**
 * Shows a key's secret once, right after create or rotate; the page keeps no copy of it. The dialog closes only after
 * the admin confirms having copied the secret (no close button, no Escape).
 */
export const SecretDialog = ({ accessKey, rotated, onClose }: Props) => {
  const { t } = useTranslation();
  const { environment } = useEnvironment<AdminEnvironment>();
  const [copied, setCopied] = useState(false);
  const { realm } = useRealm();
  const tokenUrl = `${environment.serverBaseUrl}/realms/${encodeURIComponent(realm)}/protocol/openid-connect/token`;

  return (
    <Modal
      variant={ModalVariant.medium}
      title={rotated ? t("accessKeysSecretTitleRotated") : t("accessKeysSecretTitle")}
      isOpen
      showClose={false}
      onEscapePress={(event) => event.preventDefault()}
      data-testid="secret-dialog"
      aria-describedby="access-key-secret-warning"
      actions={[
        <Button key="done" variant="primary" onClick={onClose} isDisabled={!copied} data-testid="secret-dialog-done">
          {t("accessKeysSecretDone")}
        </Button>,
      ]}
    >
      <Stack hasGutter>
        <StackItem>
          <Alert id="access-key-secret-warning" variant="warning" isInline title={t("accessKeysSecretWarningTitle")}>
            {t("accessKeysSecretWarningAdmin", { username: accessKey.username ?? accessKey.userId })}
          </Alert>
        </StackItem>
        <StackItem>
          <DescriptionList isHorizontal>
            <DescriptionListGroup>
              <DescriptionListTerm>{t("accessKeysName")}</DescriptionListTerm>
              <DescriptionListDescription>{accessKey.name}</DescriptionListDescription>
            </DescriptionListGroup>
            <DescriptionListGroup>
              <DescriptionListTerm>{t("accessKeysKeyId")}</DescriptionListTerm>
              <DescriptionListDescription>
                <ClipboardCopy isReadOnly hoverTip={t("copy")} clickTip={t("accessKeysCopied")} textAriaLabel={t("accessKeysKeyId")}>
                  {accessKey.id}
                </ClipboardCopy>
              </DescriptionListDescription>
            </DescriptionListGroup>
            <DescriptionListGroup>
              <DescriptionListTerm>{t("accessKeysSecret")}</DescriptionListTerm>
              <DescriptionListDescription>
                <ClipboardCopy
                  isReadOnly
                  hoverTip={t("copy")}
                  clickTip={t("accessKeysCopied")}
                  textAriaLabel={t("accessKeysSecret")}
                  data-testid="secret-dialog-secret"
                >
                  {accessKey.secret}
                </ClipboardCopy>
              </DescriptionListDescription>
            </DescriptionListGroup>
          </DescriptionList>
        </StackItem>
        <StackItem>
          <p className="pf-v5-u-color-200">{t("accessKeysSecretUsageAdmin", { tokenUrl })}</p>
        </StackItem>
        <StackItem>
          <Checkbox
            id="access-key-secret-copied"
            label={t("accessKeysSecretCopied")}
            isChecked={copied}
            onChange={(_, checked) => setCopied(checked)}
            data-testid="secret-dialog-copied"
          />
        </StackItem>
      </Stack>
    </Modal>
  );
};
