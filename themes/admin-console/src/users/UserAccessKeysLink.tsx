import { useAccess, useRealm } from "@keycloak/keycloak-admin-ui";
import { Button, PageSection } from "@patternfly/react-core";
import { KeyIcon } from "@patternfly/react-icons";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";

import { toUserAccessKeys } from "../access-keys/routes";

/** The stock user page with a link to that user's access keys above it (the library has no slot for a tab). */
export const UserAccessKeysLink = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const { realm } = useRealm();
  const { hasAccess } = useAccess();
  return (
    <>
      {id && hasAccess("view-users") && (
        <PageSection variant="light" className="pf-v5-u-py-sm pf-v5-u-text-align-right">
          <Button
            variant="link"
            icon={<KeyIcon />}
            component={(props) => <Link {...props} to={toUserAccessKeys(realm, id)} />}
            data-testid="user-access-keys-link"
          >
            {t("accessKeysOfUserLink")}
          </Button>
        </PageSection>
      )}
      {children}
    </>
  );
};
