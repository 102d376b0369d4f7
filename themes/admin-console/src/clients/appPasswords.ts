import type KeycloakAdminClient from "@keycloak/keycloak-admin-client";
import type ClientRepresentation from "@keycloak/keycloak-admin-client/lib/defs/clientRepresentation";

/** Alias of the direct-grant flow for app passwords: a copy of the realm's, with only the access-key authenticator. */
export const APP_PASSWORD_FLOW = "direct grant with access keys";
export const AUTHENTICATOR = "access-key-authenticator";
export const LIMITS_MAPPER = "access-key-limits-mapper";

/** Whether the client already uses the app-password flow for its direct grant and has the limits mapper. */
export const hasAppPasswords = (client: ClientRepresentation, flowId: string | undefined) =>
  !!flowId &&
  client.authenticationFlowBindingOverrides?.direct_grant === flowId &&
  !!client.protocolMappers?.some((m) => m.protocolMapper === LIMITS_MAPPER);

/** The app-password flow of the realm; created from a copy of the realm's direct-grant flow when missing. */
async function appPasswordFlow(adminClient: KeycloakAdminClient, realm: string) {
  const auth = adminClient.authenticationManagement;
  const existing = (await auth.getFlows({ realm })).find((f) => f.alias === APP_PASSWORD_FLOW);
  if (existing) return existing.id!;
  const source = (await adminClient.realms.findOne({ realm }))?.directGrantFlow ?? "direct grant";
  await auth.copyFlow({ realm, flow: source, newName: APP_PASSWORD_FLOW });
  // the copy's own steps (username, password, OTP) are switched off: the key ID and secret are the credentials
  for (const step of (await auth.getExecutions({ realm, flow: APP_PASSWORD_FLOW })).filter((e) => e.level === 0)) {
    await auth.updateExecution({ realm, flow: APP_PASSWORD_FLOW }, { ...step, requirement: "DISABLED" });
  }
  await auth.addExecutionToFlow({ realm, flow: APP_PASSWORD_FLOW, provider: AUTHENTICATOR });
  const added = (await auth.getExecutions({ realm, flow: APP_PASSWORD_FLOW })).find((e) => e.providerId === AUTHENTICATOR)!;
  await auth.updateExecution({ realm, flow: APP_PASSWORD_FLOW }, { ...added, requirement: "REQUIRED" });
  return (await auth.getFlows({ realm })).find((f) => f.alias === APP_PASSWORD_FLOW)!.id!;
}

/**
 * One click for what takes five steps by hand: the app-password flow, bound as the client's direct-grant override
 * (direct access grants on), and the limits mapper, so the session's tokens carry no more than the key allows.
 */
export async function setUpAppPasswords(adminClient: KeycloakAdminClient, realm: string, clientId: string) {
  const flowId = await appPasswordFlow(adminClient, realm);
  const client = (await adminClient.clients.findOne({ realm, id: clientId }))!;
  if (!client.protocolMappers?.some((m) => m.protocolMapper === LIMITS_MAPPER)) {
    await adminClient.clients.addProtocolMapper(
      { realm, id: clientId },
      {
        name: "access key limits",
        protocol: "openid-connect",
        protocolMapper: LIMITS_MAPPER,
        config: { "access.token.claim": "true", "introspection.token.claim": "true" },
      },
    );
  }
  const fresh = (await adminClient.clients.findOne({ realm, id: clientId }))!;
  await adminClient.clients.update(
    { realm, id: clientId },
    {
      ...fresh,
      directAccessGrantsEnabled: true,
      authenticationFlowBindingOverrides: { ...fresh.authenticationFlowBindingOverrides, direct_grant: flowId },
    },
  );
  return flowId;
}
