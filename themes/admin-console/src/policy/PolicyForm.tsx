import { useAccess } from "@keycloak/keycloak-admin-ui";
import { ActionGroup, AlertVariant, Button, Form, Spinner } from "@patternfly/react-core";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";

import type { KeyPolicy } from "../access-keys/api";
import { useKeysApi } from "../access-keys/useKeysApi";
import { usePromise } from "../access-keys/usePromise";
import { PolicyInput, type PolicyValues } from "./PolicyInput";
import { POLICY_FIELDS, type PolicyField } from "./policyFields";

const toValues = (policy: KeyPolicy, fields: PolicyField[]): PolicyValues =>
  Object.fromEntries(
    fields.map((f) => {
      const value = policy[f.name];
      if (f.kind === "switch") return [f.name, value === true];
      if (Array.isArray(value)) return [f.name, value.join(", ")];
      return [f.name, value === null || value === undefined ? "" : String(value)];
    }),
  );

const toPolicy = (values: PolicyValues, fields: PolicyField[]): KeyPolicy =>
  Object.fromEntries(
    fields.map((f) => {
      const value = values[f.name];
      if (f.kind === "switch" || f.kind === "choice") return [f.name, value];
      const text = String(value).trim();
      if (f.kind === "days-list") return [f.name, text.split(",").map((d) => d.trim()).filter(Boolean).map(Number)];
      return [f.name, text === "" ? null : Number(text)];
    }),
  );

/** The realm's key policy as a form, saved with PUT /policy; tightening it tells how many keys it changed. */
export const PolicyForm = () => {
  const { t } = useTranslation();
  const { api, addAlert, reportError } = useKeysApi();
  const { hasAccess } = useAccess();
  const readOnly = !hasAccess("manage-realm");
  const [fields, setFields] = useState<PolicyField[]>();
  const { control, handleSubmit, reset, formState } = useForm<PolicyValues>({ mode: "onChange" });

  usePromise(
    (signal) => api.policy(signal),
    (policy) => {
      const shown = POLICY_FIELDS.filter((f) => f.name in policy);
      setFields(shown);
      reset(toValues(policy, shown));
    },
    (error) => reportError(t("accessKeysErrorLoad"), error),
    [api],
  );

  const save = async (values: PolicyValues) => {
    try {
      const saved = await api.savePolicy(toPolicy(values, fields!));
      const changed = typeof saved.keysChanged === "number" ? saved.keysChanged : 0;
      addAlert(t("accessKeysPolicySaved"), AlertVariant.success, changed > 0 ? t("accessKeysPolicyKeysChanged", { count: changed }) : undefined);
      reset(toValues(saved, fields!));
    } catch (error) {
      reportError(t("accessKeysPolicyErrorSave"), error);
    }
  };

  if (!fields) return <Spinner />;
  return (
    <Form isHorizontal onSubmit={handleSubmit(save)} data-testid="policy-form" style={{ maxWidth: "60rem" }}>
      {fields.map((field) => (
        <PolicyInput key={field.name} field={field} control={control} errors={formState.errors} readOnly={readOnly} />
      ))}
      {!readOnly && (
        <ActionGroup>
          <Button type="submit" isLoading={formState.isSubmitting} isDisabled={formState.isSubmitting} data-testid="policy-save">
            {t("save")}
          </Button>
          <Button variant="link" onClick={() => reset()}>
            {t("revert")}
          </Button>
        </ActionGroup>
      )}
    </Form>
  );
};
