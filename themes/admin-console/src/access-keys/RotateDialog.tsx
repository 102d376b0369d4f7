import { Button, Form, FormGroup, FormSelect, FormSelectOption, Modal, ModalVariant, TextInput } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { AccessKey, RotateInput } from "./api";
import { endOfDay } from "@shared/format";
import { FieldHelp } from "@shared/FieldHelp";
import { useKeysApi } from "./useKeysApi";
import { usePromise } from "./usePromise";

const HOUR = 3600;
const OVERLAPS = [0, HOUR, 24 * HOUR, 7 * 24 * HOUR];
/** The policy's default; used when the admin may not read the policy (the server checks the real limit). */
const DEFAULT_MAX_OVERLAP = 7 * 24 * HOUR;

type Props = { accessKey: AccessKey; onRotate: (input: RotateInput) => Promise<void>; onClose: () => void };

/** Rotate: a new secret for the same key ID; the old one may keep working for a while (policy maximum), new expiry optional. */
export const RotateDialog = ({ accessKey, onRotate, onClose }: Props) => {
  const { t } = useTranslation();
  const { api } = useKeysApi();
  const [maxOverlap, setMaxOverlap] = useState(DEFAULT_MAX_OVERLAP);
  const [overlap, setOverlap] = useState(0);
  const [expires, setExpires] = useState("");
  const [busy, setBusy] = useState(false);
  usePromise(
    (signal) => api.policy(signal),
    (policy) => setMaxOverlap(typeof policy.maxRotationOverlapSeconds === "number" ? policy.maxRotationOverlapSeconds : DEFAULT_MAX_OVERLAP),
    () => setMaxOverlap(DEFAULT_MAX_OVERLAP),
    [api],
  );
  const overlaps = OVERLAPS.filter((seconds) => seconds <= maxOverlap);

  const rotate = async () => {
    setBusy(true);
    try {
      await onRotate(expires ? { overlapSeconds: overlap, expiresAt: endOfDay(expires) } : { overlapSeconds: overlap });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      variant={ModalVariant.small}
      title={t("accessKeysConfirmRotateTitle", { name: accessKey.name })}
      isOpen
      onClose={onClose}
      data-testid="rotate-dialog"
      actions={[
        <Button key="rotate" onClick={rotate} isLoading={busy} isDisabled={busy} data-testid="rotate-confirm">
          {t("accessKeysRotate")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose} isDisabled={busy}>
          {t("cancel")}
        </Button>,
      ]}
    >
      <p className="pf-v5-u-mb-md">{t("accessKeysConfirmRotate", { name: accessKey.name, username: accessKey.username ?? accessKey.userId })}</p>
      <Form onSubmit={(event) => event.preventDefault()}>
        <FormGroup label={t("accessKeysRotateOverlap")} fieldId="access-key-rotate-overlap">
          <FormSelect id="access-key-rotate-overlap" value={overlap} onChange={(_, value) => setOverlap(Number(value))} aria-describedby="access-key-rotate-overlap-help">
            {overlaps.map((seconds) => (
              <FormSelectOption key={seconds} value={seconds} label={t(`accessKeysOverlap${seconds}`)} />
            ))}
          </FormSelect>
          <FieldHelp id="access-key-rotate-overlap-help" hint={t("accessKeysRotateOverlapHelp")} />
        </FormGroup>
        <FormGroup label={t("accessKeysRotateExpires")} fieldId="access-key-rotate-expires">
          <TextInput id="access-key-rotate-expires" type="date" value={expires} onChange={(_, value) => setExpires(value)} aria-describedby="access-key-rotate-expires-help" />
          <FieldHelp id="access-key-rotate-expires-help" hint={t("accessKeysRotateExpiresHelp")} />
        </FormGroup>
      </Form>
    </Modal>
  );
};
