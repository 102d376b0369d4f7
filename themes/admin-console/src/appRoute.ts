import type { routes } from "@keycloak/keycloak-admin-ui";

/** A route of the admin console: path, element and `handle` (the roles it needs, its breadcrumb). */
export type AppRouteObject = (typeof routes)[number];
