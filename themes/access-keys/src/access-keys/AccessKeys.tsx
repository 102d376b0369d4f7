import { Page } from "@keycloak/keycloak-account-ui";
import { useTranslation } from "react-i18next";

export const AccessKeys = () => {
  const { t } = useTranslation();
  return <Page title={t("accessKeys")} description={t("accessKeysDescription")}>{null}</Page>;
};
