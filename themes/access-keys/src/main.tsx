import "@patternfly/patternfly/patternfly-addons.css";
import "@patternfly/react-core/dist/styles/base.css";
// Styles of the stock pages, which the account-ui library bundles but does not import itself.
import "../../node_modules/@keycloak/keycloak-account-ui/lib/keycloak-account-ui.css";

// KeycloakProvider must come from keycloak-account-ui: the library bundles its own copy of
// ui-shared, and its pages read the Keycloak context from that copy.
import { KeycloakProvider } from "@keycloak/keycloak-account-ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router-dom";

import { environment } from "./environment";
import { i18n } from "./i18n";
import { routes } from "./routes";

await i18n.init();

const router = createBrowserRouter(routes);

createRoot(document.getElementById("app")!).render(
  <StrictMode>
    <KeycloakProvider environment={environment}>
      <RouterProvider router={router} />
    </KeycloakProvider>
  </StrictMode>,
);
