import { useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { Alert, Stack, StackItem, Text } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

import type { KeyInput, KeyOptions } from "../api";
import { formatDateTime } from "@shared/format";

type Props = { input: KeyInput; options: KeyOptions };

const ROLES_SCOPE = "roles";

/**
 * One sentence on what a token from the key can do, and a warning when it will carry no roles or no audience
 * (Keycloak puts both into a token through the "roles" scope, the audience from client roles).
 */
export const KeySummary = ({ input, options }: Props) => {
  const { t } = useTranslation();
  const { environment } = useEnvironment<AccountEnvironment>();
  const list = (items: string[]) => new Intl.ListFormat(environment.locale, { type: "conjunction" }).format(items);
  const scopeName = (name: string) => options.scopes.find((s) => s.name === name)?.displayName ?? name;

  const scopes = input.scopes?.filter((s) => s !== "openid");
  const scopeText = !scopes ? t("accessKeysSummaryAllScopes") : scopes.length === 0 ? t("accessKeysSummaryNoScopes") : list(scopes.map(scopeName));
  const clientText = !input.clients ? t("accessKeysSummaryAnyClient") : list(input.clients);
  const roleText = !input.roles ? t("accessKeysSummaryAllRoles") : input.roles.length === 0 ? t("accessKeysSummaryNoRoles") : list(input.roles);
  const expiryText = input.expiresAt ? formatDateTime(input.expiresAt, environment.locale) : t("accessKeysSummaryNoExpiry");

  const noRoles = input.roles?.length === 0 || (!!input.scopes && !input.scopes.includes(ROLES_SCOPE));
  const noAudience = noRoles || (!!input.roles && !input.roles.some((r) => r.includes("/")));

  return (
    <Stack hasGutter data-testid="key-summary">
      <StackItem>
        <Text component="p" data-testid="key-summary-sentence">
          {t("accessKeysSummary", { name: input.name, clients: clientText, scopes: scopeText, roles: roleText, expiry: expiryText })}
        </Text>
        {input.allowedCidrs && (
          <Text component="p" data-testid="key-summary-cidrs">
            {t("accessKeysSummaryCidrs", { cidrs: list(input.allowedCidrs) })}
          </Text>
        )}
      </StackItem>
      {noAudience && (
        <StackItem>
          <Alert variant="warning" isInline component="h2" title={noRoles ? t("accessKeysSummaryNoRolesTitle") : t("accessKeysSummaryNoAudienceTitle")} data-testid="key-summary-warning">
            {noRoles ? t("accessKeysSummaryNoRolesText") : t("accessKeysSummaryNoAudienceText")}
          </Alert>
        </StackItem>
      )}
    </Stack>
  );
};
