import { useAccess, useRealm, ViewHeader } from "@keycloak/keycloak-admin-ui";
import { PageSection, Tab, Tabs, TabTitleText } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";

import { PolicyForm } from "../policy/PolicyForm";
import { KeyList } from "./KeyList";
import { toAccessKeys } from "./routes";

type Props = { tab: "keys" | "policy" };

/** "Access keys" of the realm: every key the admin may view, and the realm's key policy. */
export default function AccessKeysSection({ tab }: Props) {
  const { t } = useTranslation();
  const { realm } = useRealm();
  const { hasAccess } = useAccess();
  const navigate = useNavigate();
  const showKeys = hasAccess("view-users");
  const showPolicy = hasAccess("view-realm");

  return (
    <>
      <ViewHeader titleKey="accessKeys" subKey="accessKeysAdminDescription" divider={false} />
      <PageSection variant="light" className="pf-v5-u-p-0">
        <Tabs
          activeKey={tab}
          onSelect={(_, key) => navigate(key === "policy" ? `${toAccessKeys(realm)}/policy` : toAccessKeys(realm))}
          mountOnEnter
          unmountOnExit
          inset={{ default: "insetMd" }}
        >
          {showKeys && (
            <Tab eventKey="keys" title={<TabTitleText>{t("accessKeysAllKeys")}</TabTitleText>} data-testid="access-keys-tab-keys">
              <PageSection variant="light">
                <KeyList />
              </PageSection>
            </Tab>
          )}
          {showPolicy && (
            <Tab eventKey="policy" title={<TabTitleText>{t("accessKeysPolicy")}</TabTitleText>} data-testid="access-keys-tab-policy">
              <PageSection variant="light">
                <PolicyForm />
              </PageSection>
            </Tab>
          )}
        </Tabs>
      </PageSection>
    </>
  );
}
