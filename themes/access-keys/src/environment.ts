import type { AccountEnvironment } from "@keycloak/keycloak-account-ui";

/**
 * Keycloak renders the environment as JSON into index.ftl (script#environment); the stock
 * account console reads it the same way.
 */
function readEnvironment(): AccountEnvironment {
  const element = document.getElementById("environment");
  if (!element?.textContent) {
    throw new Error("The account console page has no environment script.");
  }
  return JSON.parse(element.textContent) as AccountEnvironment;
}

export const environment = readEnvironment();

/** The account console's own path, e.g. /realms/demo/account/ */
export const basePath = decodeURIComponent(new URL(environment.baseUrl).pathname);
