import { routes as stockRoutes } from "@keycloak/keycloak-account-ui";
import type { RouteObject } from "react-router-dom";

import { AccessKeys } from "./access-keys/AccessKeys";
import { basePath } from "./environment";
import { Root } from "./root/Root";

/** Path of the page below the account console's base URL; content.json links to it. */
export const ACCESS_KEYS_PATH = "access-keys";

export const routes: RouteObject[] = [
  {
    path: basePath,
    element: <Root />,
    // Every stock page (personal info, signing in, devices, applications, groups, ...) is kept.
    children: [...stockRoutes, { path: ACCESS_KEYS_PATH, element: <AccessKeys /> }],
  },
];
