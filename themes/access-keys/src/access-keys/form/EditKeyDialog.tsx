import { Alert, Button, Modal, ModalVariant, Title } from "@patternfly/react-core";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";

import type { AccessKey, KeyInput, KeyOptions } from "../api";
import { expiryRules } from "./expiry";
import { KeyFormBody } from "./KeyFormBody";
import { placeServerError } from "./serverErrors";
import { changes, keyValues, toInput, type KeyFormValues } from "./values";

type Props = {
  accessKey: AccessKey;
  options: KeyOptions;
  onSave: (input: KeyInput) => Promise<void>;
  onClose: () => void;
};

const FORM_ID = "access-key-edit-form";

/** Edit a key: the same fields as create, saved with a PATCH of what changed. */
export const EditKeyDialog = ({ accessKey, options, onSave, onClose }: Props) => {
  const { t } = useTranslation();
  const rules = expiryRules(options.policy, accessKey.createdAt);
  const form = useForm<KeyFormValues>({ defaultValues: keyValues(accessKey) });
  const [failure, setFailure] = useState<string>();

  const save = form.handleSubmit(async (values) => {
    setFailure(undefined);
    try {
      await onSave(changes(toInput(values, rules), accessKey));
      onClose();
    } catch (error) {
      if (!placeServerError(error, form, t)) setFailure(error instanceof Error ? error.message : String(error));
    }
  });

  return (
    <Modal
      variant={ModalVariant.medium}
      header={
        <Title id="access-key-edit-title" headingLevel="h1" size="2xl" className="access-keys-wrap-title">
          {t("accessKeysEditTitle", { name: accessKey.name })}
        </Title>
      }
      aria-labelledby="access-key-edit-title"
      isOpen
      onClose={onClose}
      data-testid="key-form-modal"
      actions={[
        <Button key="save" type="submit" form={FORM_ID} variant="primary" isLoading={form.formState.isSubmitting} isDisabled={form.formState.isSubmitting}>
          {t("accessKeysSave")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          {t("accessKeysCancel")}
        </Button>,
      ]}
    >
      {failure && (
        <Alert variant="danger" isInline component="h2" title={t("accessKeysErrorSave")} className="pf-v5-u-mb-md">
          {failure}
        </Alert>
      )}
      <FormProvider {...form}>
        <KeyFormBody id={FORM_ID} options={options} rules={rules} accessKey={accessKey} onSubmit={save} />
      </FormProvider>
    </Modal>
  );
};
