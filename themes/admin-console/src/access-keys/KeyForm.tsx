import { Button, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, Modal, ModalVariant, TextArea, TextInput } from "@patternfly/react-core";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";

import type { AccessKey, KeyInput } from "./api";
import { ChoiceField } from "./ChoiceField";
import { endOfDay, isoDate } from "./format";
import { useKeyChoices } from "./useKeyChoices";
import { useKeysApi } from "./useKeysApi";

export type KeyFormValues = {
  name: string;
  description: string;
  expires: string;
  scopesMode: "all" | "some";
  scopes: string[];
  clientsMode: "all" | "some";
  clients: string[];
  roles: string;
};

type Props = { accessKey?: AccessKey; onSubmit: (input: KeyInput) => Promise<void>; onClose: () => void };

const toValues = (key?: AccessKey): KeyFormValues => ({
  name: key?.name ?? "",
  description: key?.description ?? "",
  expires: key?.expiresAt ? isoDate(key.expiresAt) : "",
  scopesMode: key?.scopes ? "some" : "all",
  scopes: key?.scopes ?? [],
  clientsMode: key?.clients ? "some" : "all",
  clients: key?.clients ?? [],
  roles: key?.roles?.join(", ") ?? "",
});

const toInput = (v: KeyFormValues): KeyInput => ({
  name: v.name.trim(),
  description: v.description.trim() || null,
  expiresAt: v.expires ? endOfDay(v.expires) : null,
  scopes: v.scopesMode === "all" ? null : v.scopes,
  clients: v.clientsMode === "all" ? null : v.clients,
  roles: v.roles.trim() ? v.roles.split(",").map((r) => r.trim()).filter(Boolean) : null,
});

/** Create (for the user of the page) or edit a key; the server checks the realm policy and answers what is wrong. */
export const KeyForm = ({ accessKey, onSubmit, onClose }: Props) => {
  const { t } = useTranslation();
  const { reportError } = useKeysApi();
  const choices = useKeyChoices((error) => reportError(t("accessKeysErrorLoad"), error));
  const { register, control, handleSubmit, formState } = useForm<KeyFormValues>({ defaultValues: toValues(accessKey) });
  const { errors, isSubmitting } = formState;
  const formId = "access-key-form";

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
      <Form id={formId} onSubmit={handleSubmit((values) => onSubmit(toInput(values)))}>
        <FormGroup label={t("accessKeysName")} isRequired fieldId="access-key-name">
          <TextInput
            id="access-key-name"
            validated={errors.name ? "error" : "default"}
            {...register("name", { required: true, maxLength: 100 })}
          />
          {errors.name && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant="error">{t("accessKeysNameRule")}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
        <FormGroup label={t("accessKeysDescription")} fieldId="access-key-description">
          <TextArea id="access-key-description" {...register("description", { maxLength: 1000 })} resizeOrientation="vertical" />
        </FormGroup>
        <FormGroup label={t("accessKeysExpires")} fieldId="access-key-expires">
          <TextInput id="access-key-expires" type="date" {...register("expires")} />
          <FormHelperText>
            <HelperText>
              <HelperTextItem>{t("accessKeysExpiresHelp")}</HelperTextItem>
            </HelperText>
          </FormHelperText>
        </FormGroup>
        {choices && (
          <>
            <ChoiceField control={control} field="scopes" label={t("accessKeysScopes")} allLabel={t("accessKeysScopesAll")} someLabel={t("accessKeysScopesSome")} choices={choices.scopes} />
            <ChoiceField control={control} field="clients" label={t("accessKeysClients")} allLabel={t("accessKeysClientsAll")} someLabel={t("accessKeysClientsSome")} choices={choices.clients} />
          </>
        )}
        <FormGroup label={t("accessKeysRoles")} fieldId="access-key-roles">
          <TextInput id="access-key-roles" placeholder="reader, my-app/editor" {...register("roles")} />
          <FormHelperText>
            <HelperText>
              <HelperTextItem>{t("accessKeysRolesHelp")}</HelperTextItem>
            </HelperText>
          </FormHelperText>
        </FormGroup>
      </Form>
    </Modal>
  );
};
