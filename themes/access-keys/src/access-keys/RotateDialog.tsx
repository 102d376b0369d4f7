import { useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { Button, Form, FormGroup, FormHelperText, FormSelect, FormSelectOption, HelperText, HelperTextItem, Modal, ModalVariant, Title } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { AccessKey, KeyPolicy, RotateInput } from "./api";
import { expiresAt, expiryChoices, expiryLabel, expiryRules, type ExpiryChoice } from "./form/expiry";

const HOUR = 3600;
const OVERLAPS = [0, HOUR, 24 * HOUR, 7 * 24 * HOUR];
const DEFAULT_MAX_OVERLAP = 7 * 24 * HOUR;

type Props = {
  accessKey: AccessKey;
  policy?: KeyPolicy;
  onRotate: (input: RotateInput) => Promise<void>;
  onClose: () => void;
};

/** Rotate: a new secret for the same key ID, a new expiry if wanted, and how long the old secret keeps working. */
export const RotateDialog = ({ accessKey, policy, onRotate, onClose }: Props) => {
  const { t } = useTranslation();
  const { environment } = useEnvironment<AccountEnvironment>();
  const [expiry, setExpiry] = useState<ExpiryChoice>("keep");
  const [overlap, setOverlap] = useState(0);
  const [busy, setBusy] = useState(false);
  const rules = policy ? expiryRules(policy, accessKey.createdAt) : undefined;
  const maxOverlap = policy?.maxRotationOverlapSeconds ?? DEFAULT_MAX_OVERLAP;
  const overlaps = OVERLAPS.filter((seconds) => seconds <= maxOverlap);

  const rotate = async () => {
    setBusy(true);
    const input: RotateInput = { overlapSeconds: overlap };
    const newExpiry = rules ? expiresAt(expiry, "", rules) : undefined;
    if (newExpiry !== undefined) input.expiresAt = newExpiry;
    try {
      await onRotate(input);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      variant={ModalVariant.small}
      header={
        <Title id="access-key-rotate-title" headingLevel="h1" size="2xl" className="access-keys-wrap-title">
          {t("accessKeysConfirmRotateTitle", { name: accessKey.name })}
        </Title>
      }
      aria-labelledby="access-key-rotate-title"
      isOpen
      onClose={onClose}
      data-testid="rotate-dialog"
      actions={[
        <Button key="rotate" variant="primary" onClick={rotate} isLoading={busy} isDisabled={busy} data-testid="rotate-confirm">
          {t("accessKeysRotate")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose} isDisabled={busy}>
          {t("accessKeysCancel")}
        </Button>,
      ]}
    >
      <p className="pf-v5-u-mb-md">{t("accessKeysConfirmRotate")}</p>
      <Form onSubmit={(event) => event.preventDefault()}>
        <FormGroup label={t("accessKeysRotateOverlap")} fieldId="access-key-rotate-overlap">
          <FormSelect id="access-key-rotate-overlap" value={overlap} onChange={(_, value) => setOverlap(Number(value))}>
            {overlaps.map((seconds) => (
              <FormSelectOption key={seconds} value={seconds} label={t(`accessKeysOverlap${seconds}`)} />
            ))}
          </FormSelect>
          <FormHelperText>
            <HelperText>
              <HelperTextItem>{t("accessKeysRotateOverlapHint")}</HelperTextItem>
            </HelperText>
          </FormHelperText>
        </FormGroup>
        {rules && (
          <FormGroup label={t("accessKeysExpiry")} fieldId="access-key-rotate-expiry">
            <FormSelect id="access-key-rotate-expiry" value={expiry} onChange={(_, value) => setExpiry(value as ExpiryChoice)}>
              {expiryChoices(rules, true)
                .filter((choice) => choice !== "custom")
                .map((choice) => (
                  <FormSelectOption key={choice} value={choice} label={expiryLabel(t, choice, rules, environment.locale, accessKey.expiresAt)} />
                ))}
            </FormSelect>
          </FormGroup>
        )}
      </Form>
    </Modal>
  );
};
