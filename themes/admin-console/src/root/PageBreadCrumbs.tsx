import { useRealm } from "@keycloak/keycloak-admin-ui";
import { Breadcrumb, BreadcrumbItem } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { Link, matchPath, useLocation } from "react-router-dom";

import { routes } from "../routes";

type Crumb = { pathname: string; label: string; specificity: number };

/** Literal (non-parameter) segments of a route path: the more, the more specific the route. */
const specificity = (path: string) => path.split("/").filter((s) => s && !s.startsWith(":")).length;

/**
 * The stock console's breadcrumb rule (every route whose path is a prefix of the URL, the most specific per
 * prefix) over the stock routes and this theme's; the library's own component knows only its routes.
 */
export const PageBreadCrumbs = () => {
  const { t } = useTranslation();
  const { realm } = useRealm();
  const { pathname } = useLocation();
  const excluded = new Set(["/", `/${realm}`, `/${realm}/page-section`]);

  const best = new Map<string, Crumb>();
  for (const route of routes) {
    const match = matchPath({ path: route.path, end: false }, pathname);
    const label = match && !excluded.has(match.pathname) ? route.handle.breadcrumb?.(t) : undefined;
    if (!match || typeof label !== "string") continue;
    const crumb = { pathname: match.pathname, label, specificity: specificity(route.path) };
    const previous = best.get(crumb.pathname);
    if (!previous || crumb.specificity > previous.specificity) best.set(crumb.pathname, crumb);
  }
  const seen = new Set<string>();
  const crumbs = [...best.values()]
    .sort((a, b) => a.pathname.length - b.pathname.length)
    .filter((c) => !seen.has(c.label) && seen.add(c.label));

  return crumbs.length > 1 ? (
    <Breadcrumb>
      {crumbs.map(({ pathname: to, label }, i) => (
        <BreadcrumbItem key={to} isActive={i === crumbs.length - 1}>
          {i === crumbs.length - 1 ? label : <Link to={to}>{label}</Link>}
        </BreadcrumbItem>
      ))}
    </Breadcrumb>
  ) : null;
};
