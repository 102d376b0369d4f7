import { Alert, Button, Modal, ModalVariant } from "@patternfly/react-core";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";

import type { KeyInput, KeyOptions } from "../api";
import type { IssuedKey } from "../useKeyActions";
import { expiryRules } from "./expiry";
import { KeyFormBody } from "./KeyFormBody";
import { KeySummary } from "./KeySummary";
import { placeServerError } from "./serverErrors";
import { newKeyValues, toInput, type KeyFormValues } from "./values";

type Props = {
  options: KeyOptions;
  onCreate: (input: KeyInput) => Promise<IssuedKey>;
  onCreated: (key: IssuedKey) => void;
  onClose: () => void;
};

const FORM_ID = "access-key-create-form";

/** Create in two steps: the form (least-privilege defaults), then a summary of what a token can do, then Create. */
export const CreateKeyDialog = ({ options, onCreate, onCreated, onClose }: Props) => {
  const { t } = useTranslation();
  const rules = expiryRules(options.policy);
  const form = useForm<KeyFormValues>({ defaultValues: newKeyValues(options, rules.defaultChoice), mode: "onSubmit" });
  const [summary, setSummary] = useState<KeyInput>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const next = form.handleSubmit((values) => {
    setFailure(undefined);
    setSummary(toInput(values, rules));
  });

  const create = async () => {
    if (!summary) return;
    setBusy(true);
    try {
      onCreated(await onCreate(summary));
    } catch (error) {
      setSummary(undefined);
      if (!placeServerError(error, form, t)) setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const actions = summary
    ? [
        <Button key="create" variant="primary" onClick={create} isLoading={busy} isDisabled={busy} data-testid="key-form-create">
          {t("accessKeysCreate")}
        </Button>,
        <Button key="back" variant="secondary" onClick={() => setSummary(undefined)} isDisabled={busy}>
          {t("accessKeysBack")}
        </Button>,
      ]
    : [
        <Button key="next" type="submit" form={FORM_ID} variant="primary" data-testid="key-form-next">
          {t("accessKeysNext")}
        </Button>,
      ];

  return (
    <Modal
      variant={ModalVariant.medium}
      title={summary ? t("accessKeysSummaryTitle") : t("accessKeysCreateTitle")}
      description={summary ? undefined : t("accessKeysCreateDescription")}
      isOpen
      onClose={onClose}
      data-testid="key-form-modal"
      actions={[
        ...actions,
        <Button key="cancel" variant="link" onClick={onClose} isDisabled={busy}>
          {t("accessKeysCancel")}
        </Button>,
      ]}
    >
      {failure && (
        <Alert variant="danger" isInline component="h2" title={t("accessKeysErrorCreate")} className="pf-v5-u-mb-md">
          {failure}
        </Alert>
      )}
      {summary ? (
        <KeySummary input={summary} options={options} />
      ) : (
        <FormProvider {...form}>
          <KeyFormBody id={FORM_ID} options={options} rules={rules} onSubmit={next} />
        </FormProvider>
      )}
    </Modal>
  );
};
