import type { AdminEnvironment } from "@keycloak/keycloak-admin-ui";

/** Keycloak renders the environment as JSON into index.ftl (script#environment), as for the stock console. */
function readEnvironment(): AdminEnvironment {
  const element = document.getElementById("environment");
  if (!element?.textContent) {
    throw new Error("The admin console page has no environment script.");
  }
  return JSON.parse(element.textContent) as AdminEnvironment;
}

export const environment = readEnvironment();
