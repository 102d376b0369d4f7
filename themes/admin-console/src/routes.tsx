import { routes as stockRoutes } from "@keycloak/keycloak-admin-ui";
import type { AppRouteObject } from "./appRoute";

import { accessKeysRoutes } from "./access-keys/routes";
import { ClientAccessKeysPanel } from "./clients/ClientAccessKeysPanel";
import { UserAccessKeysLink } from "./users/UserAccessKeysLink";

/**
 * Every stock route, plus the Access keys pages. The library offers no slot for a tab on the user or client page,
 * so those two routes render the stock page with this theme's access-keys panel above it.
 */
const withPanels = (route: AppRouteObject): AppRouteObject => {
  switch (route.path) {
    case "/:realm/users/:id/:tab":
      return { ...route, element: <UserAccessKeysLink>{route.element}</UserAccessKeysLink> };
    case "/:realm/clients/:clientId/:tab":
      return { ...route, element: <ClientAccessKeysPanel>{route.element}</ClientAccessKeysPanel> };
    default:
      return route;
  }
};

export const routes: AppRouteObject[] = [...accessKeysRoutes, ...stockRoutes.map(withPanels)];
