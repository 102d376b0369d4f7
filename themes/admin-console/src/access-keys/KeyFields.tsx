import { FormGroup, TextArea, TextInput } from "@patternfly/react-core";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { FieldHelp } from "@shared/FieldHelp";

import type { KeyFormValues } from "./keyFormValues";

type Props = { register: UseFormRegister<KeyFormValues>; errors: FieldErrors<KeyFormValues> };

/** Name, description and expiry of a key. */
export const KeyTextFields = ({ register, errors }: Props) => {
  const { t } = useTranslation();
  return (
    <>
      <FormGroup label={t("accessKeysName")} isRequired fieldId="access-key-name">
        <TextInput
          id="access-key-name"
          maxLength={100}
          validated={errors.name ? "error" : "default"}
          aria-describedby="access-key-name-help"
          {...register("name", { validate: (value) => (value.trim() ? true : t("accessKeysNameRule")) })}
        />
        <FieldHelp id="access-key-name-help" error={errors.name?.message} />
      </FormGroup>
      <FormGroup label={t("accessKeysDescription")} fieldId="access-key-description">
        <TextArea
          id="access-key-description"
          maxLength={1000}
          resizeOrientation="vertical"
          validated={errors.description ? "error" : "default"}
          aria-describedby="access-key-description-help"
          {...register("description")}
        />
        <FieldHelp id="access-key-description-help" error={errors.description?.message} />
      </FormGroup>
      <FormGroup label={t("accessKeysExpires")} fieldId="access-key-expires">
        <TextInput
          id="access-key-expires"
          type="date"
          validated={errors.expires ? "error" : "default"}
          aria-describedby="access-key-expires-help"
          {...register("expires")}
        />
        <FieldHelp id="access-key-expires-help" error={errors.expires?.message} hint={t("accessKeysExpiresHelp")} />
      </FormGroup>
    </>
  );
};

/** Roles and the CIDR allow-list, both free text. */
export const KeyLimitFields = ({ register, errors }: Props) => {
  const { t } = useTranslation();
  return (
    <>
      <FormGroup label={t("accessKeysRoles")} fieldId="access-key-roles">
        <TextInput
          id="access-key-roles"
          placeholder="reader, my-app/editor"
          validated={errors.roles ? "error" : "default"}
          aria-describedby="access-key-roles-help"
          {...register("roles")}
        />
        <FieldHelp id="access-key-roles-help" error={errors.roles?.message} hint={t("accessKeysRolesHelp")} />
      </FormGroup>
      <FormGroup label={t("accessKeysCidrs")} fieldId="access-key-cidrs">
        <TextArea
          id="access-key-cidrs"
          placeholder="10.0.0.0/8, 2001:db8::/32"
          resizeOrientation="vertical"
          rows={2}
          validated={errors.cidrs ? "error" : "default"}
          aria-describedby="access-key-cidrs-help"
          {...register("cidrs")}
        />
        <FieldHelp id="access-key-cidrs-help" error={errors.cidrs?.message} hint={t("accessKeysCidrsHelp")} />
      </FormGroup>
    </>
  );
};
