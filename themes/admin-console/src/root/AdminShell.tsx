import {
  AdminClientProvider,
  AppContexts,
  ErrorRenderer,
  ForbiddenSection,
  Header,
  useAccess,
  useWhoAmI,
} from "@keycloak/keycloak-admin-ui";
import type { AccessType } from "@keycloak/keycloak-admin-client/lib/defs/whoAmIRepresentation";
import { Banner, Flex, FlexItem, Page, Spinner } from "@patternfly/react-core";
import { Component, Suspense, type PropsWithChildren, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useMatches } from "react-router-dom";

import { AlertProvider } from "../alerts";
import { PageBreadCrumbs } from "./PageBreadCrumbs";
import { PageNav } from "./PageNav";

/** The id the stock console gives its main container; its pages scroll that element. */
const MAIN_CONTENT_ID = "kc-main-content-page-container";

/**
 * The stock admin console's frame (the library's own contexts, masthead and breadcrumbs) with this theme's navigation,
 * which is the stock navigation plus "Access keys", and breadcrumbs that know this theme's pages. The library's
 * App hard-codes both, so the frame is assembled here from the parts the library exports.
 */
export const AdminShell = () => (
  <AdminClientProvider>
    <AppContexts>
      <AlertProvider>
        <Flex
          direction={{ default: "column" }}
          flexWrap={{ default: "nowrap" }}
          spaceItems={{ default: "spaceItemsNone" }}
          style={{ height: "100%" }}
        >
          <FlexItem>
            <TemporaryAdminBanner />
          </FlexItem>
          <FlexItem grow={{ default: "grow" }} style={{ minHeight: 0 }}>
            <Page
              header={<Header />}
              isManagedSidebar
              sidebar={<PageNav />}
              breadcrumb={<PageBreadCrumbs />}
              mainContainerId={MAIN_CONTENT_ID}
            >
              <PageErrorBoundary>
                <Suspense fallback={<Spinner />}>
                  <AuthWall>
                    <Outlet />
                  </AuthWall>
                </Suspense>
              </PageErrorBoundary>
            </Page>
          </FlexItem>
        </Flex>
      </AlertProvider>
    </AppContexts>
  </AdminClientProvider>
);

const TemporaryAdminBanner = () => {
  const { t } = useTranslation();
  const { whoAmI } = useWhoAmI();
  if (!whoAmI.temporary) return null;
  return (
    <Banner variant="gold" screenReaderText={t("loggedInAsTempAdminUser")}>
      {t("loggedInAsTempAdminUser")}
    </Banner>
  );
};

/** As the stock console: a page whose route needs roles the admin lacks shows "forbidden" instead. */
const AuthWall = ({ children }: PropsWithChildren) => {
  const matches = useMatches();
  const { hasAccess } = useAccess();
  const needed = matches.flatMap(({ handle }) => {
    const access = (handle as { access?: AccessType | AccessType[] } | undefined)?.access;
    if (!access) return [];
    return Array.isArray(access) ? access : [access];
  });
  if (!hasAccess(...needed)) {
    return <ForbiddenSection permissionNeeded={needed} />;
  }
  return children;
};

class PageErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    const { error } = this.state;
    if (error) {
      return <ErrorRenderer error={error} />;
    }
    return this.props.children;
  }
}
