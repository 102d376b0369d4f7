import { useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import {
  Alert,
  Button,
  ClipboardCopy,
  ClipboardCopyVariant,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  ExpandableSection,
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

/** Shows a key's secret once, right after create or rotate. The page keeps no copy of it. */
export const SecretDialog = ({ accessKey, rotated, onClose }: Props) => {
  const { t } = useTranslation();
  const { environment } = useEnvironment<AccountEnvironment>();
  const [showUsage, setShowUsage] = useState(false);
  const tokenUrl = `${environment.serverBaseUrl}/realms/${encodeURIComponent(environment.realm)}/protocol/openid-connect/token`;
  const curl = [
    `curl -s -X POST '${tokenUrl}' \\`,
    `  -d grant_type=urn:access-keys:grant-type:access-key \\`,
    `  -d client_id=CLIENT_ID \\`,
    `  -d key_id=${accessKey.id} \\`,
    `  -d key_secret="$ACCESS_KEY_SECRET"`,
  ].join("\n");

  return (
    <Modal
      variant={ModalVariant.medium}
      title={rotated ? t("accessKeysSecretTitleRotated") : t("accessKeysSecretTitle")}
      isOpen
      onClose={onClose}
      data-testid="secret-dialog"
      aria-describedby="access-key-secret-warning"
      actions={[
        <Button key="done" variant="primary" onClick={onClose} data-testid="secret-dialog-done">
          {t("accessKeysSecretDone")}
        </Button>,
      ]}
    >
      <Stack hasGutter>
        <StackItem>
          <Alert
            id="access-key-secret-warning"
            variant="warning"
            isInline
            title={t("accessKeysSecretWarningTitle")}
          >
            {t("accessKeysSecretWarning")}
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
                <ClipboardCopy
                  isReadOnly
                  hoverTip={t("accessKeysCopyKeyId")}
                  clickTip={t("accessKeysCopied")}
                  textAriaLabel={t("accessKeysKeyId")}
                  data-testid="secret-dialog-key-id"
                >
                  {accessKey.id}
                </ClipboardCopy>
              </DescriptionListDescription>
            </DescriptionListGroup>
            <DescriptionListGroup>
              <DescriptionListTerm>{t("accessKeysSecret")}</DescriptionListTerm>
              <DescriptionListDescription>
                <ClipboardCopy
                  isReadOnly
                  hoverTip={t("accessKeysCopySecret")}
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
          <ExpandableSection
            toggleText={t("accessKeysSecretUsage")}
            isExpanded={showUsage}
            onToggle={(_, expanded) => setShowUsage(expanded)}
          >
            <p>{t("accessKeysSecretUsageText")}</p>
            <ClipboardCopy
              isReadOnly
              isCode
              variant={ClipboardCopyVariant.expansion}
              isExpanded
              hoverTip={t("accessKeysCopyExample")}
              clickTip={t("accessKeysCopied")}
              textAriaLabel={t("accessKeysSecretUsage")}
              toggleAriaLabel={t("accessKeysShowExample")}
            >
              {curl}
            </ClipboardCopy>
          </ExpandableSection>
        </StackItem>
      </Stack>
    </Modal>
  );
};
