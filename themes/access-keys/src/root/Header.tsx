import { useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { KeycloakMasthead } from "@keycloak/keycloak-ui-shared";
import { Button } from "@patternfly/react-core";
import { ExternalLinkSquareAltIcon } from "@patternfly/react-icons";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useHref } from "react-router-dom";

/** "Back to <application>" when the console was opened from an application. */
const ReferrerLink = () => {
  const { environment } = useEnvironment<AccountEnvironment>();
  const { t } = useTranslation();
  if (!environment.referrerUrl) return null;
  return (
    <Button
      data-testid="referrer-link"
      component="a"
      href={environment.referrerUrl.replace("_hash_", "#")}
      variant="link"
      icon={<ExternalLinkSquareAltIcon />}
      iconPosition="end"
      isInline
    >
      {t("backTo", { app: environment.referrerName || environment.referrerUrl })}
    </Button>
  );
};

/**
 * The stock masthead (logo, user menu, sign out, link back to the referring application).
 * It is rendered with this bundle's PatternFly so that its sidebar toggle drives our Page.
 */
export const Header = () => {
  const { environment, keycloak } = useEnvironment<AccountEnvironment>();
  const { t } = useTranslation();
  const logo = environment.logo || "logo.svg";
  const logoUrl = environment.logoUrl || "/";
  const internalHref = useHref(logoUrl);
  const brandHref = logoUrl.startsWith("/") ? internalHref : logoUrl;
  // The stock masthead's narrow-screen menu toggle has no accessible name (axe: button-name, critical).
  useEffect(() => {
    document.querySelector('[data-testid="options-kebab-toggle"]')?.setAttribute("aria-label", t("accessKeysUserMenu"));
  });

  return (
    <KeycloakMasthead
      data-testid="page-header"
      keycloak={keycloak}
      features={{ hasManageAccount: false }}
      brand={{
        href: brandHref,
        src: logo.startsWith("http") ? logo : `${environment.resourceUrl}/${logo.replace(/^\//, "")}`,
        alt: t("logo"),
        style: { height: 35 },
      }}
      // Always one item, as in the stock console: it pushes the user menu to the right.
      toolbarItems={[<ReferrerLink key="referrer" />]}
    />
  );
};
