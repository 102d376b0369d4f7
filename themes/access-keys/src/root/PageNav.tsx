import { useEnvironment, usePromise, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import {
  Nav,
  NavExpandable,
  NavItem,
  NavList,
  PageSidebar,
  PageSidebarBody,
} from "@patternfly/react-core";
import { useState, type MouseEvent, type PropsWithChildren } from "react";
import { useTranslation } from "react-i18next";
import { matchPath, useHref, useLinkClickHandler, useLocation } from "react-router-dom";

import { basePath } from "../environment";

type Feature = keyof AccountEnvironment["features"];

/** One entry of content.json, the account console's navigation (same format as keycloak.v3). */
export type MenuItem =
  | { label: string; path: string; isVisible?: Feature; modulePath?: string }
  | { label: string; children: MenuItem[]; isVisible?: Feature };

const fullPath = (path: string) => `${basePath.replace(/\/$/, "")}/${path}`;

function isActive(pathname: string, item: MenuItem): boolean {
  if ("path" in item) {
    return !!matchPath({ path: fullPath(item.path), end: true }, pathname);
  }
  return item.children.some((child) => isActive(pathname, child));
}

export const PageNav = () => {
  const context = useEnvironment<AccountEnvironment>();
  const { t } = useTranslation();
  const [items, setItems] = useState<MenuItem[]>([]);

  usePromise(
    async (signal) => {
      const response = await fetch(`${context.environment.resourceUrl}/content.json`, { signal });
      return (await response.json()) as MenuItem[];
    },
    setItems,
  );

  return (
    <PageSidebar>
      <PageSidebarBody>
        <Nav aria-label={t("accessKeysNavLabel")}>
          <NavList>
            {items.filter((item) => visible(item, context.environment)).map((item) => (
              <NavMenuItem key={item.label} item={item} />
            ))}
          </NavList>
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );
};

function visible(item: MenuItem, environment: AccountEnvironment) {
  return item.isVisible ? !!environment.features[item.isVisible] : true;
}

const NavMenuItem = ({ item }: { item: MenuItem }) => {
  const { t } = useTranslation();
  const { environment } = useEnvironment<AccountEnvironment>();
  const { pathname } = useLocation();
  const active = isActive(pathname, item);

  if ("path" in item) {
    return (
      <NavLink path={fullPath(item.path)} isActive={active}>
        {t(item.label)}
      </NavLink>
    );
  }
  return (
    <NavExpandable data-testid={item.label} title={t(item.label)} isActive={active} isExpanded={active}>
      {item.children.filter((child) => visible(child, environment)).map((child) => (
        <NavMenuItem key={child.label} item={child} />
      ))}
    </NavExpandable>
  );
};

const NavLink = ({ path, isActive, children }: PropsWithChildren<{ path: string; isActive: boolean }>) => {
  const target = path + location.search;
  const href = useHref(target);
  const onClick = useLinkClickHandler(target);
  return (
    <NavItem
      data-testid={path.substring(basePath.length)}
      to={href}
      isActive={isActive}
      onClick={(event) => onClick(event as unknown as MouseEvent<HTMLAnchorElement>)}
    >
      {children}
    </NavItem>
  );
};
