import { Button, Form, Modal, ModalVariant } from "@patternfly/react-core";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { ApiError, type AccessKey, type KeyInput } from "./api";
import { ChoiceField } from "./ChoiceField";
import { KeyLimitFields, KeyTextFields } from "./KeyFields";
import { SERVER_FIELDS, toInput, toValues, type KeyFormValues } from "./keyFormValues";
import { useKeyChoices } from "./useKeyChoices";
import { useKeysApi } from "./useKeysApi";

type Props = {
  accessKey?: AccessKey;
  /** Saves; an error that names a field is shown under it, any other as an alert titled `failure`. */
  onSubmit: (input: KeyInput) => Promise<void>;
  failure: string;
  onClose: () => void;
};

/** Create (for the user of the page) or edit a key; the server checks the realm policy and answers what is wrong. */
export const KeyForm = ({ accessKey, onSubmit, failure, onClose }: Props) => {
  const { t } = useTranslation();
  const { reportError } = useKeysApi();
  const choices = useKeyChoices((error) => reportError(t("accessKeysErrorLoad"), error));
  const { register, control, handleSubmit, formState, setError, setFocus } = useForm<KeyFormValues>({
    defaultValues: toValues(accessKey),
  });
  const { errors, isSubmitting } = formState;
  const formId = "access-key-form";

  const submit = handleSubmit(async (values) => {
    try {
      await onSubmit(toInput(values));
    } catch (error) {
      const named = error instanceof ApiError ? error.field : undefined;
      const field = named && SERVER_FIELDS[named.name];
      if (!named || !field) return reportError(failure, error);
      setError(field, { type: "server", message: named.name === "name" && (error as ApiError).status === 409 ? t("accessKeysNameTaken") : named.problem });
      setFocus(field);
    }
  });

  return (
    <Modal
      variant={ModalVariant.medium}
      title={accessKey ? t("accessKeysEditTitle", { name: accessKey.name }) : t("accessKeysCreateTitle")}
      isOpen
      onClose={onClose}
      data-testid="key-form"
      actions={[
        <Button key="save" type="submit" form={formId} isLoading={isSubmitting} isDisabled={isSubmitting || !choices} data-testid="key-form-save">
          {accessKey ? t("save") : t("create")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          {t("cancel")}
        </Button>,
      ]}
    >
      <Form id={formId} onSubmit={submit} noValidate>
        <KeyTextFields register={register} errors={errors} />
        {choices && (
          <>
            <ChoiceField control={control} field="scopes" label={t("accessKeysScopes")} allLabel={t("accessKeysScopesAll")} someLabel={t("accessKeysScopesSome")} choices={choices.scopes} error={errors.scopes?.message} />
            <ChoiceField control={control} field="clients" label={t("accessKeysClients")} allLabel={t("accessKeysClientsAll")} someLabel={t("accessKeysClientsSome")} choices={choices.clients} error={errors.clients?.message} />
          </>
        )}
        <KeyLimitFields register={register} errors={errors} />
      </Form>
    </Modal>
  );
};
