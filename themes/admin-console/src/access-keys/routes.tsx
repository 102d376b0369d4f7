import type { AppRouteObject } from "../appRoute";
import { lazy } from "react";

/** Path of the Access keys page below the realm, e.g. #/demo/access-keys. */
export const ACCESS_KEYS_PATH = "access-keys";

const AccessKeysSection = lazy(() => import("./AccessKeysSection"));
const UserAccessKeys = lazy(() => import("../users/UserAccessKeys"));

export const accessKeysRoutes: AppRouteObject[] = [
  {
    path: `/:realm/${ACCESS_KEYS_PATH}`,
    element: <AccessKeysSection tab="keys" />,
    // reading keys needs view-users (the admin REST API's rule)
    handle: { access: "view-users", breadcrumb: (t) => t("accessKeys") },
  },
  {
    path: `/:realm/${ACCESS_KEYS_PATH}/policy`,
    element: <AccessKeysSection tab="policy" />,
    handle: { access: "view-realm", breadcrumb: (t) => t("accessKeysPolicy") },
  },
  {
    path: `/:realm/${ACCESS_KEYS_PATH}/users/:userId`,
    element: <UserAccessKeys />,
    handle: { access: "view-users", breadcrumb: (t) => t("accessKeysOfUser") },
  },
];

export const toAccessKeys = (realm: string) => `/${encodeURIComponent(realm)}/${ACCESS_KEYS_PATH}`;
export const toUserAccessKeys = (realm: string, userId: string) =>
  `${toAccessKeys(realm)}/users/${encodeURIComponent(userId)}`;
