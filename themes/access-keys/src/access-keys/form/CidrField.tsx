import { FormGroup, TextInput } from "@patternfly/react-core";
import { Controller, useFormContext } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { FieldHelp } from "@shared/FieldHelp";
import type { KeyFormValues } from "./values";

/** Where the key may be used from: CIDR blocks (the server checks them and names a bad one under the field). */
export const CidrField = () => {
  const { t } = useTranslation();
  const { control, formState } = useFormContext<KeyFormValues>();
  const error = formState.errors.cidrs?.message;
  return (
    <FormGroup label={t("accessKeysCidrs")} fieldId="access-key-cidrs">
      <Controller
        name="cidrs"
        control={control}
        render={({ field }) => (
          <TextInput
            {...field}
            id="access-key-cidrs"
            placeholder="10.0.0.0/8, 2001:db8::/32"
            onChange={(_, value) => field.onChange(value)}
            validated={error ? "error" : "default"}
            aria-describedby="access-key-cidrs-help"
          />
        )}
      />
      <FieldHelp id="access-key-cidrs-help" error={error} hint={t("accessKeysCidrsHint")} />
    </FormGroup>
  );
};
