import { Button, Checkbox, FormGroup, Radio } from "@patternfly/react-core";
import { useState } from "react";
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { FieldHelp } from "@shared/FieldHelp";
import type { KeyFormValues } from "./values";

export type Choice = { value: string; label: string; description?: string; internal?: boolean };

type Props = {
  id: "scopes" | "clients" | "roles";
  limitName: "scopeLimit" | "clientLimit" | "roleLimit";
  label: string;
  allLabel: string;
  selectedLabel: string;
  items: Choice[];
  emptyText: string;
  /** At least one must be chosen when limited (clients: a key for no client is useless). */
  required?: boolean;
};

/** "All" or "only these", with a checkbox per choice; Keycloak's internal ones only after "Show all". */
export const ChoiceGroup = ({ id, limitName, label, allLabel, selectedLabel, items, emptyText, required }: Props) => {
  const { t } = useTranslation();
  const { control, formState } = useFormContext<KeyFormValues>();
  const limit = useWatch({ control, name: limitName });
  const selected = useWatch({ control, name: id });
  const [showAll, setShowAll] = useState(false);
  // Keep choices the key already has even when /options no longer offers them.
  const all: Choice[] = [...items, ...selected.filter((v) => !items.some((i) => i.value === v)).map((v) => ({ value: v, label: v }))];
  const visible = all.filter((item) => showAll || !item.internal || selected.includes(item.value));
  const hidden = all.length - visible.length;
  const error = formState.errors[id]?.message;

  return (
    <FormGroup role="radiogroup" isStack label={label} fieldId={`access-key-${id}`} data-testid={`access-key-${id}`}>
      <Controller
        name={limitName}
        control={control}
        render={({ field }) => (
          <>
            <Radio id={`access-key-${id}-all`} name={`access-key-${id}`} label={allLabel} isChecked={field.value === "all"} onChange={() => field.onChange("all")} />
            <Radio id={`access-key-${id}-selected`} name={`access-key-${id}`} label={selectedLabel} isChecked={field.value === "selected"} onChange={() => field.onChange("selected")} />
          </>
        )}
      />
      {limit === "selected" && (
        <Controller
          name={id}
          control={control}
          rules={{ validate: (value) => (!required || value.length > 0 ? true : t("accessKeysChooseOne")) }}
          render={({ field }) => (
            <div role="group" aria-label={selectedLabel} id={`access-key-${id}-list`} className="pf-v5-u-ml-lg">
              {all.length === 0 && <p>{emptyText}</p>}
              {visible.map((item) => (
                <Checkbox
                  key={item.value}
                  id={`access-key-${id}-${item.value}`}
                  label={item.label}
                  description={item.description}
                  isChecked={field.value.includes(item.value)}
                  onChange={(_, checked) =>
                    field.onChange(checked ? [...field.value, item.value] : field.value.filter((v) => v !== item.value))
                  }
                />
              ))}
              {(hidden > 0 || showAll) && (
                <Button variant="link" isInline onClick={() => setShowAll(!showAll)} data-testid={`access-key-${id}-show-all`}>
                  {showAll ? t("accessKeysShowFewer") : t("accessKeysShowAllChoices", { count: hidden })}
                </Button>
              )}
              <FieldHelp id={`access-key-${id}-help`} error={error} />
            </div>
          )}
        />
      )}
    </FormGroup>
  );
};
