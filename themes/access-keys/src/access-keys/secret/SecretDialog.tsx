import { useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { Alert, Button, Modal, ModalVariant, Stack, StackItem, Title } from "@patternfly/react-core";
import { DownloadIcon } from "@patternfly/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { KeyOptions } from "../api";
import type { IssuedKey } from "../useKeyActions";
import { CloseWithoutSecret } from "./CloseWithoutSecret";
import { SecretFields } from "./SecretFields";
import { download, envFile } from "./snippets";
import { Snippets } from "./Snippets";

type Props = { accessKey: IssuedKey; rotated: boolean; options?: KeyOptions; onClose: () => void };

/**
 * Shows a key's secret once, right after create or rotate; the page keeps no copy of it. Focus starts on the copy
 * button; closing any way but "I have copied the secret" asks first.
 */
export const SecretDialog = ({ accessKey, rotated, options, onClose }: Props) => {
  const { t } = useTranslation();
  const { environment } = useEnvironment<AccountEnvironment>();
  const [confirming, setConfirming] = useState(false);
  const tokenUrl = `${environment.serverBaseUrl}/realms/${encodeURIComponent(environment.realm)}/protocol/openid-connect/token`;
  const allowed = (options?.clients ?? []).filter((c) => !accessKey.clients || accessKey.clients.includes(c.clientId));
  const clientId = allowed.length === 1 ? allowed[0].clientId : "";

  return (
    <>
      <Modal
        variant={ModalVariant.medium}
        header={
          <Title id="access-key-secret-title" headingLevel="h1" size="2xl">
            {rotated ? t("accessKeysSecretTitleRotated") : t("accessKeysSecretTitle")}
          </Title>
        }
        aria-labelledby="access-key-secret-title"
        aria-describedby="access-key-secret-warning"
        isOpen={!confirming}
        onClose={() => setConfirming(true)}
        elementToFocus="#access-key-secret-copy button"
        data-testid="secret-dialog"
        actions={[
          <Button key="done" variant="primary" onClick={onClose} data-testid="secret-dialog-done">
            {t("accessKeysSecretDone")}
          </Button>,
          <Button
            key="download"
            variant="secondary"
            icon={<DownloadIcon />}
            onClick={() => download(envFile({ keyId: accessKey.id, secret: accessKey.secret, tokenUrl, clientId }), `${accessKey.id}.env`)}
            data-testid="secret-dialog-download"
          >
            {t("accessKeysDownloadEnv")}
          </Button>,
        ]}
      >
        <Stack hasGutter>
          <StackItem>
            <Alert id="access-key-secret-warning" variant="warning" isInline component="h2" title={t("accessKeysSecretWarningTitle")}>
              {t("accessKeysSecretWarning")}
            </Alert>
          </StackItem>
          <StackItem>
            <SecretFields accessKey={accessKey} />
          </StackItem>
          <StackItem>
            <Title headingLevel="h2" size="lg" className="pf-v5-u-mb-sm">
              {t("accessKeysSecretUsage")}
            </Title>
            <Snippets keyId={accessKey.id} secret={accessKey.secret} tokenUrl={tokenUrl} clients={allowed} />
          </StackItem>
        </Stack>
      </Modal>
      {confirming && <CloseWithoutSecret onBack={() => setConfirming(false)} onClose={onClose} />}
    </>
  );
};
