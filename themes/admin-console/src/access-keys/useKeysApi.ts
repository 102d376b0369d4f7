import { useAdminClient, useRealm } from "@keycloak/keycloak-admin-ui";
import { AlertVariant } from "@patternfly/react-core";
import { useCallback, useMemo } from "react";

import { useAlerts } from "../alerts";
import { ApiError, keysApi } from "./api";

/** The admin API of the realm being managed, and a reporter that turns its errors into alerts. */
export function useKeysApi() {
  const { adminClient } = useAdminClient();
  const { realm } = useRealm();
  const { addAlert } = useAlerts();
  const api = useMemo(() => keysApi(adminClient, realm), [adminClient, realm]);
  const reportError = useCallback(
    (summary: string, error: unknown) => {
      if (error instanceof DOMException && error.name === "AbortError") return;
      const description = error instanceof ApiError || error instanceof Error ? error.message : String(error);
      addAlert(summary, AlertVariant.danger, description);
    },
    [addAlert],
  );
  return { api, realm, addAlert, reportError };
}
