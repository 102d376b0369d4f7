import { useAccess, useAdminClient, useRealm } from "@keycloak/keycloak-admin-ui";
import type ClientRepresentation from "@keycloak/keycloak-admin-client/lib/defs/clientRepresentation";
import { AlertVariant, Button, Flex, FlexItem, Label, PageSection, Switch, Text } from "@patternfly/react-core";
import { Fragment, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";

import { useKeysApi } from "../access-keys/useKeysApi";
import { usePromise } from "../access-keys/usePromise";
import { APP_PASSWORD_FLOW, hasAppPasswords, setUpAppPasswords } from "./appPasswords";

const GRANT_ATTRIBUTE = "access.key.grant.enabled";

/**
 * The stock client page with an "Access keys" bar above it: the switch for the access-key grant (the client attribute,
 * saved with the stock client PUT) and the one-click app-password setup. After a change the stock page is mounted
 * again, so its form holds the saved client and its own Save cannot write the old attribute back.
 */
export const ClientAccessKeysPanel = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  const { clientId } = useParams<{ clientId: string }>();
  const { adminClient } = useAdminClient();
  const { realm } = useRealm();
  const { hasAccess } = useAccess();
  const { addAlert, reportError } = useKeysApi();
  const [client, setClient] = useState<ClientRepresentation>();
  const [flowId, setFlowId] = useState<string>();
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);

  usePromise(
    async () => {
      const [found, flows] = await Promise.all([
        adminClient.clients.findOne({ realm, id: clientId! }),
        hasAccess("view-realm") ? adminClient.authenticationManagement.getFlows({ realm }) : Promise.resolve([]),
      ]);
      return { found, flow: flows.find((f) => f.alias === APP_PASSWORD_FLOW)?.id };
    },
    ({ found, flow }) => {
      setClient(found);
      setFlowId(flow);
    },
    () => setClient(undefined),
    [adminClient, realm, clientId, version],
  );

  const change = async (action: () => Promise<unknown>, success: string, failure: string) => {
    setBusy(true);
    try {
      await action();
      addAlert(success, AlertVariant.success);
      setVersion((v) => v + 1);
    } catch (error) {
      reportError(failure, error);
    } finally {
      setBusy(false);
    }
  };

  const oidc = client && client.protocol !== "saml" && !client.bearerOnly;
  const enabled = client?.attributes?.[GRANT_ATTRIBUTE] === "true";
  const canChange = hasAccess("manage-clients");
  const appPasswords = !!client && hasAppPasswords(client, flowId);

  const toggle = (on: boolean) =>
    change(
      () => adminClient.clients.update({ realm, id: client!.id! }, { ...client, attributes: { ...client!.attributes, [GRANT_ATTRIBUTE]: String(on) } }),
      on ? t("accessKeysClientGrantOn") : t("accessKeysClientGrantOff"),
      t("accessKeysClientErrorSave"),
    );

  return (
    <>
      {oidc && (
        <PageSection variant="light" className="pf-v5-u-py-sm" data-testid="client-access-keys">
          <Flex alignItems={{ default: "alignItemsCenter" }} spaceItems={{ default: "spaceItemsLg" }}>
            <FlexItem>
              <Text component="h3">{t("accessKeys")}</Text>
            </FlexItem>
            <FlexItem>
              <Switch
                id="access-key-grant-switch"
                label={t("accessKeysClientAllow")}
                isChecked={enabled}
                isDisabled={!canChange || busy}
                onChange={(_, on) => void toggle(on)}
                data-testid="access-key-grant-switch"
              />
            </FlexItem>
            <FlexItem>
              {appPasswords ? (
                <Label color="green">{t("accessKeysAppPasswordsOn")}</Label>
              ) : (
                <Button
                  variant="secondary"
                  isDisabled={!canChange || !hasAccess("manage-realm") || busy}
                  isLoading={busy}
                  onClick={() => change(() => setUpAppPasswords(adminClient, realm, client!.id!), t("accessKeysAppPasswordsDone"), t("accessKeysAppPasswordsError"))}
                  data-testid="set-up-app-passwords"
                >
                  {t("accessKeysAppPasswordsSetUp")}
                </Button>
              )}
            </FlexItem>
            <FlexItem>
              <Text component="small" className="pf-v5-u-color-200">{t("accessKeysClientHelp")}</Text>
            </FlexItem>
          </Flex>
        </PageSection>
      )}
      <Fragment key={version}>{children}</Fragment>
    </>
  );
};
