import { useAdminClient } from "@keycloak/keycloak-admin-ui";
import { useState } from "react";

import { usePromise } from "./usePromise";

/** What a key may be limited to: the realm's OpenID Connect client scopes and the clients that allow the grant. */
export type KeyChoices = { scopes: string[]; clients: string[] };

const GRANT_ATTRIBUTE = "access.key.grant.enabled";

export function useKeyChoices(onError: (error: unknown) => void) {
  const { adminClient } = useAdminClient();
  const [choices, setChoices] = useState<KeyChoices>();
  usePromise(
    async () => {
      const [scopes, clients] = await Promise.all([adminClient.clientScopes.find(), adminClient.clients.find({ max: 1000 })]);
      return {
        scopes: scopes.filter((s) => (s.protocol ?? "openid-connect") === "openid-connect").map((s) => s.name!).sort(),
        clients: clients.filter((c) => c.attributes?.[GRANT_ATTRIBUTE] === "true").map((c) => c.clientId!).sort(),
      };
    },
    setChoices,
    (error) => {
      onError(error);
      setChoices({ scopes: [], clients: [] });
    },
    [adminClient],
  );
  return choices;
}
