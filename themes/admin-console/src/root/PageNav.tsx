import {
  useAccess,
  useEnvironment,
  useRealm,
  useServerInfo,
  type AdminEnvironment,
} from "@keycloak/keycloak-admin-ui";
import { Label, Nav, NavGroup, PageSidebar, PageSidebarBody } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router-dom";

import { ACCESS_KEYS_PATH } from "../access-keys/routes";
import { routes } from "../routes";

type LeftNavProps = { title: string; path: string; id?: string };

/** A navigation item, shown only when the admin may open its route (same rule as the stock console). */
const LeftNav = ({ title, path, id }: LeftNavProps) => {
  const { t } = useTranslation();
  const { hasAccess } = useAccess();
  const { realm } = useRealm();
  const route = routes.find((r) => r.path.replace(/\/:.+?(\?|(?:(?!\/).)*|$)/g, "") === (id || path));
  const access = route?.handle.access;
  if (!access || !(Array.isArray(access) ? hasAccess(...access) : hasAccess(access))) {
    return null;
  }
  const name = "nav-item" + path.replace("/", "-");
  return (
    <li>
      <NavLink
        id={name}
        data-testid={name}
        to={`/${encodeURIComponent(realm)}${path}`}
        className={({ isActive }) => `pf-v5-c-nav__link${isActive ? " pf-m-current" : ""}`}
      >
        {t(title)}
      </NavLink>
    </li>
  );
};

/** The stock admin navigation with "Access keys" after "Users". */
export const PageNav = () => {
  const { t } = useTranslation();
  const { environment } = useEnvironment<AdminEnvironment>();
  const { hasSomeAccess } = useAccess();
  const { features, componentTypes } = useServerInfo();
  const { realm, realmRepresentation } = useRealm();
  const enabled = (feature: string) => !!features?.some((f) => f.enabled && f.name === feature);
  const pages = componentTypes?.["org.keycloak.services.ui.extend.UiPageProvider"];

  const showManage = hasSomeAccess(
    "view-realm",
    "query-groups",
    "query-users",
    "query-clients",
    "query-organizations",
    "view-events",
  );
  const showConfigure = hasSomeAccess("view-realm", "query-clients", "view-identity-providers");
  const showOrganizations =
    enabled("ORGANIZATION") &&
    realmRepresentation?.organizationsEnabled &&
    hasSomeAccess("manage-realm", "query-organizations");

  return (
    <PageSidebar className="keycloak__page_nav__nav">
      <PageSidebarBody>
        <Nav>
          <h2 className="pf-v5-c-nav__section-title" style={{ wordWrap: "break-word" }}>
            <span data-testid="currentRealm">{realmRepresentation?.displayName || realm}</span>{" "}
            <Label color="blue">{t("currentRealm")}</Label>
          </h2>
          {environment.masterRealm === environment.realm && (
            <NavGroup>
              <LeftNav title={t("manageRealms")} path="/realms" />
            </NavGroup>
          )}
          {showManage && (
            <NavGroup aria-label={t("manage")} title={t("manage")}>
              {showOrganizations && <LeftNav title="organizations" path="/organizations" />}
              <LeftNav title="clients" path="/clients" />
              <LeftNav title="clientScopes" path="/client-scopes" />
              <LeftNav title="realmRoles" path="/roles" />
              <LeftNav title="users" path="/users" />
              <LeftNav title="accessKeys" path={`/${ACCESS_KEYS_PATH}`} />
              <LeftNav title="groups" path="/groups" />
              <LeftNav title="sessions" path="/sessions" />
              <LeftNav title="events" path="/events" />
            </NavGroup>
          )}
          {showConfigure && (
            <NavGroup aria-label={t("configure")} title={t("configure")}>
              <LeftNav title="realmSettings" path="/realm-settings" />
              <LeftNav title="authentication" path="/authentication" />
              {enabled("ADMIN_FINE_GRAINED_AUTHZ_V2") && realmRepresentation?.adminPermissionsEnabled && (
                <LeftNav title="permissions" path="/permissions" />
              )}
              <LeftNav title="identityProviders" path="/identity-providers" />
              <LeftNav title="userFederation" path="/user-federation" />
              {enabled("WORKFLOWS") && hasSomeAccess("realm-admin", "admin") && (
                <LeftNav title="workflows" path="/workflows" />
              )}
              {enabled("DECLARATIVE_UI") &&
                pages?.map((p) => (
                  <LeftNav key={p.id} title={p.id} path={`/page-section/${p.id}`} id="/page-section" />
                ))}
            </NavGroup>
          )}
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );
};
