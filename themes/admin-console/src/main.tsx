// Styles of the stock pages, which the admin-ui library bundles but does not import itself.
import "@keycloak/keycloak-admin-ui/styles.css";
import "@patternfly/react-core/dist/styles/base.css";
import "@patternfly/patternfly/patternfly-addons.css";

import { KeycloakProvider } from "@keycloak/keycloak-admin-ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createHashRouter, RouterProvider } from "react-router-dom";

import { environment } from "./environment";
import { i18n } from "./i18n";
import { AdminShell } from "./root/AdminShell";
import { routes } from "./routes";

await i18n.init();

// As the stock console: a hash router whose root renders the console around every page.
const router = createHashRouter([
  {
    path: "/",
    element: (
      <KeycloakProvider environment={environment}>
        <AdminShell />
      </KeycloakProvider>
    ),
    children: routes,
  },
]);

createRoot(document.getElementById("app")!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
