import { Form } from "@patternfly/react-core";
import type { FormEventHandler } from "react";
import { useTranslation } from "react-i18next";

import type { AccessKey, KeyOptions } from "../api";
import { ChoiceGroup } from "./ChoiceGroup";
import { CidrField } from "./CidrField";
import type { ExpiryRules } from "./expiry";
import { KeyFields } from "./KeyFields";

type Props = {
  id: string;
  options: KeyOptions;
  rules: ExpiryRules;
  accessKey?: AccessKey;
  onSubmit: FormEventHandler<HTMLFormElement>;
};

/** The fields of create and edit (inside a react-hook-form FormProvider). */
export const KeyFormBody = ({ id, options, rules, accessKey, onSubmit }: Props) => {
  const { t } = useTranslation();
  return (
    <Form id={id} onSubmit={onSubmit} noValidate>
      <KeyFields rules={rules} editing={!!accessKey} currentExpiry={accessKey?.expiresAt} />
      <ChoiceGroup
        id="scopes"
        limitName="scopeLimit"
        label={t("accessKeysScopes")}
        allLabel={t("accessKeysScopesAll")}
        selectedLabel={t("accessKeysScopesSelected")}
        items={options.scopes.map((s) => ({
          value: s.name,
          label: s.displayName ?? s.name,
          description: s.displayName && s.displayName !== s.name ? s.name : undefined,
          internal: s.internal,
        }))}
        emptyText={t("accessKeysNoScopes")}
      />
      <ChoiceGroup
        id="clients"
        limitName="clientLimit"
        label={t("accessKeysClients")}
        allLabel={t("accessKeysClientsAll")}
        selectedLabel={t("accessKeysClientsSelected")}
        items={options.clients.map((c) => ({
          value: c.clientId,
          label: c.name && c.name !== c.clientId ? `${c.name} (${c.clientId})` : c.clientId,
        }))}
        emptyText={t("accessKeysNoClients")}
        required
      />
      {(options.roles.length > 0 || accessKey?.roles) && (
        <ChoiceGroup
          id="roles"
          limitName="roleLimit"
          label={t("accessKeysRoles")}
          allLabel={t("accessKeysRolesAll")}
          selectedLabel={t("accessKeysRolesSelected")}
          items={options.roles.map((r) => ({ value: r.name, label: r.name, description: r.description ?? undefined, internal: r.internal }))}
          emptyText={t("accessKeysNoRoles")}
        />
      )}
      <CidrField />
    </Form>
  );
};
