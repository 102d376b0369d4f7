import { useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { FormGroup, FormSelect, FormSelectOption, TextArea, TextInput } from "@patternfly/react-core";
import { useState, type ClipboardEvent } from "react";
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { customDateError, expiryChoices, expiryLabel, type ExpiryRules } from "./expiry";
import { FieldHelp } from "@shared/FieldHelp";
import { DESCRIPTION_MAX, NAME_MAX, type KeyFormValues } from "./values";

type Props = { rules: ExpiryRules; editing: boolean; currentExpiry?: number | null };

/** Says so when a paste was longer than the field allows (the browser's maxlength cuts it). */
function usePasteCut(max: number) {
  const [cut, setCut] = useState(false);
  const onPaste = (event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const target = event.currentTarget;
    const room = max - target.value.length + (target.selectionEnd ?? 0) - (target.selectionStart ?? 0);
    setCut(event.clipboardData.getData("text").length > room);
  };
  return { cut, onPaste };
}

/** Name, description and expiry. */
export const KeyFields = ({ rules, editing, currentExpiry }: Props) => {
  const { t } = useTranslation();
  const { environment } = useEnvironment<AccountEnvironment>();
  const { control, formState } = useFormContext<KeyFormValues>();
  const expiry = useWatch({ control, name: "expiry" });
  const namePaste = usePasteCut(NAME_MAX);
  const descriptionPaste = usePasteCut(DESCRIPTION_MAX);
  const hint = rules.maxDays != null
    ? t("accessKeysExpiryPolicyMax", { count: rules.maxDays })
    : rules.neverAllowed ? t("accessKeysExpiryHint") : t("accessKeysExpiryPolicyRequired");
  const errors = formState.errors;

  return (
    <>
      <FormGroup label={t("accessKeysName")} fieldId="access-key-name" isRequired>
        <Controller
          name="name"
          control={control}
          rules={{ validate: (value) => (value.trim() ? true : t("accessKeysNameRequired")) }}
          render={({ field }) => (
            <TextInput
              {...field}
              id="access-key-name"
              onChange={(_, value) => field.onChange(value)}
              onPaste={namePaste.onPaste}
              isRequired
              maxLength={NAME_MAX}
              validated={errors.name ? "error" : "default"}
              aria-describedby="access-key-name-help"
            />
          )}
        />
        <FieldHelp
          id="access-key-name-help"
          error={errors.name?.message}
          hint={namePaste.cut ? t("accessKeysPasteCut", { max: NAME_MAX }) : t("accessKeysNameHint")}
        />
      </FormGroup>

      <FormGroup label={t("accessKeysDescriptionLabel")} fieldId="access-key-description">
        <Controller
          name="description"
          control={control}
          render={({ field }) => (
            <TextArea
              {...field}
              id="access-key-description"
              onChange={(_, value) => field.onChange(value)}
              onPaste={descriptionPaste.onPaste}
              resizeOrientation="vertical"
              maxLength={DESCRIPTION_MAX}
              validated={errors.description ? "error" : "default"}
              aria-describedby="access-key-description-help"
            />
          )}
        />
        <FieldHelp
          id="access-key-description-help"
          error={errors.description?.message}
          hint={descriptionPaste.cut ? t("accessKeysPasteCut", { max: DESCRIPTION_MAX }) : undefined}
        />
      </FormGroup>

      <FormGroup label={t("accessKeysExpiry")} fieldId="access-key-expiry" isRequired={!rules.neverAllowed}>
        <Controller
          name="expiry"
          control={control}
          render={({ field }) => (
            <FormSelect {...field} id="access-key-expiry" onChange={(_, value) => field.onChange(value)} aria-describedby="access-key-expiry-help">
              {expiryChoices(rules, editing).map((choice) => (
                <FormSelectOption key={choice} value={choice} label={expiryLabel(t, choice, rules, environment.locale, currentExpiry)} />
              ))}
            </FormSelect>
          )}
        />
        <FieldHelp id="access-key-expiry-help" error={errors.expiry?.message} hint={hint} />
      </FormGroup>

      {expiry === "custom" && (
        <FormGroup label={t("accessKeysExpiryDate")} fieldId="access-key-expiry-date" isRequired>
          <Controller
            name="customDate"
            control={control}
            rules={{ validate: (value) => customDateError(t, value, rules) ?? true }}
            render={({ field }) => (
              <TextInput
                {...field}
                id="access-key-expiry-date"
                type="date"
                min={rules.minDate}
                max={rules.maxDate}
                onChange={(_, value) => field.onChange(value)}
                validated={errors.customDate ? "error" : "default"}
                aria-describedby="access-key-expiry-date-help"
              />
            )}
          />
          <FieldHelp id="access-key-expiry-date-help" error={errors.customDate?.message} />
        </FormGroup>
      )}
    </>
  );
};
