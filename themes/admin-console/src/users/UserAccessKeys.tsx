import { useAdminClient, useRealm, ViewHeader } from "@keycloak/keycloak-admin-ui";
import { PageSection, Spinner } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";

import { KeyList } from "../access-keys/KeyList";
import { useKeysApi } from "../access-keys/useKeysApi";
import { usePromise } from "../access-keys/usePromise";

/** The keys of one user: list, create for that user (secret shown once), edit, disable, rotate, revoke, delete. */
export default function UserAccessKeys() {
  const { t } = useTranslation();
  const { userId } = useParams<{ userId: string }>();
  const { adminClient } = useAdminClient();
  const { realm } = useRealm();
  const { reportError } = useKeysApi();
  const [username, setUsername] = useState<string>();

  usePromise(
    () => adminClient.users.findOne({ id: userId! }),
    (user) => setUsername(user?.username ?? userId),
    (error) => {
      reportError(t("accessKeysErrorLoad"), error);
      setUsername(userId);
    },
    [adminClient, userId],
  );

  if (!username) return <Spinner />;
  return (
    <>
      <ViewHeader
        titleKey={t("accessKeysOfUserTitle", { username })}
        subKey={
          <Link to={`/${encodeURIComponent(realm)}/users/${encodeURIComponent(userId!)}/settings`} data-testid="back-to-user">
            {t("accessKeysBackToUser", { username })}
          </Link>
        }
        divider
      />
      <PageSection variant="light">
        <KeyList user={{ id: userId!, username }} />
      </PageSection>
    </>
  );
}
