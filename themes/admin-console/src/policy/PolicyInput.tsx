import { FormGroup, FormHelperText, FormSelect, FormSelectOption, HelperText, HelperTextItem, Switch, TextInput } from "@patternfly/react-core";
import { Controller, type Control, type FieldErrors } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { capitalized, type PolicyField } from "./policyFields";

export type PolicyValues = Record<string, string | boolean>;

type Props = { field: PolicyField; control: Control<PolicyValues>; errors: FieldErrors<PolicyValues>; readOnly: boolean };

/** One policy field with its label, help text and limits; numbers are checked before the server sees them. */
export const PolicyInput = ({ field, control, errors, readOnly }: Props) => {
  const { t } = useTranslation();
  const id = `policy-${field.name}`;
  const label = t(`accessKeysPolicy${capitalized(field.name)}`);
  const help = t(`accessKeysPolicy${capitalized(field.name)}Help`);
  const limits =
    field.kind === "number" || field.kind === "days-list"
      ? t(field.kind === "number" && field.optional ? "accessKeysPolicyLimitsOptional" : "accessKeysPolicyLimits", { min: field.min, max: field.max })
      : "";
  const validate = (value: string | boolean) => {
    if (field.kind === "number") {
      const text = String(value).trim();
      if (text === "") return field.optional || limits;
      const n = Number(text);
      return (Number.isInteger(n) && n >= field.min && n <= field.max) || limits;
    }
    if (field.kind === "days-list") {
      const days = String(value).split(",").map((d) => d.trim()).filter(Boolean).map(Number);
      return days.every((d) => Number.isInteger(d) && d >= field.min && d <= field.max) || limits;
    }
    return true;
  };
  const error = errors[field.name];

  return (
    <FormGroup label={label} fieldId={id} isRequired={field.kind === "number" && !field.optional}>
      <Controller
        control={control}
        name={field.name}
        rules={{ validate }}
        render={({ field: { value, onChange } }) =>
          field.kind === "switch" ? (
            <Switch id={id} aria-label={label} isChecked={value === true} onChange={(_, on) => onChange(on)} isDisabled={readOnly} />
          ) : field.kind === "choice" ? (
            <FormSelect id={id} value={String(value)} onChange={(_, v) => onChange(v)} isDisabled={readOnly}>
              {field.options.map((o) => (
                <FormSelectOption key={o} value={o} label={t(`accessKeysPolicyChoice${capitalized(o)}`)} />
              ))}
            </FormSelect>
          ) : (
            <TextInput
              id={id}
              value={String(value)}
              onChange={(_, v) => onChange(v)}
              inputMode={field.kind === "number" ? "numeric" : "text"}
              validated={error ? "error" : "default"}
              isDisabled={readOnly}
            />
          )
        }
      />
      <FormHelperText>
        <HelperText>
          <HelperTextItem variant={error ? "error" : "default"}>
            {help}
            {limits && ` ${limits}`}
          </HelperTextItem>
        </HelperText>
      </FormHelperText>
    </FormGroup>
  );
};
