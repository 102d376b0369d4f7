import { Checkbox, FormGroup, Radio } from "@patternfly/react-core";
import { Controller, useWatch, type Control } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { FieldHelp } from "@shared/FieldHelp";
import type { KeyFormValues } from "./keyFormValues";

type Props = {
  control: Control<KeyFormValues>;
  field: "scopes" | "clients";
  label: string;
  allLabel: string;
  someLabel: string;
  choices: string[];
  /** A server error about this field. */
  error?: string;
};

/** "All" or "only these" for a key's scopes or clients, with a checkbox per choice. */
export const ChoiceField = ({ control, field, label, allLabel, someLabel, choices, error }: Props) => {
  const { t } = useTranslation();
  const mode = useWatch({ control, name: `${field}Mode` });
  return (
    <FormGroup label={label} role="radiogroup" isStack fieldId={`access-key-${field}`}>
      <Controller
        control={control}
        name={`${field}Mode`}
        render={({ field: { value, onChange } }) => (
          <>
            <Radio id={`access-key-${field}-all`} name={`${field}Mode`} label={allLabel} isChecked={value === "all"} onChange={() => onChange("all")} />
            <Radio id={`access-key-${field}-some`} name={`${field}Mode`} label={someLabel} isChecked={value === "some"} onChange={() => onChange("some")} />
          </>
        )}
      />
      {mode === "some" && (
        <Controller
          control={control}
          name={field}
          render={({ field: { value, onChange } }) => (
            <div className="pf-v5-u-ml-lg">
              {choices.length === 0 && <em>{t("accessKeysNoChoices")}</em>}
              {choices.map((choice) => (
                <Checkbox
                  key={choice}
                  id={`access-key-${field}-${choice}`}
                  label={choice}
                  isChecked={value.includes(choice)}
                  onChange={(_, on) => onChange(on ? [...value, choice] : value.filter((v) => v !== choice))}
                />
              ))}
            </div>
          )}
        />
      )}
      <FieldHelp id={`access-key-${field}-help`} error={error} />
    </FormGroup>
  );
};
