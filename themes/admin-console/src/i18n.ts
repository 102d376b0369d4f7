import { createInstance } from "i18next";
import FetchBackend from "i18next-fetch-backend";
import { initReactI18next } from "react-i18next";

import { environment } from "./environment";

type Message = { key: string; value: string };

const trimSlash = (url: string) => url.replace(/\/+$/, "");

/**
 * Set up as the stock admin console does: messages come from Keycloak's theme message endpoint, which merges this
 * theme's messages_xx.properties with those of keycloak.v2 and base, so the stock pages keep their texts. The stock
 * WhoAmI context switches the language to the admin's locale.
 */
export const i18n = createInstance({
  fallbackLng: "en",
  showSupportNotice: false,
  keySeparator: ".",
  nsSeparator: false,
  interpolation: { escapeValue: false },
  defaultNS: [environment.realm],
  ns: [environment.realm],
  backend: {
    loadPath: `${trimSlash(environment.adminBaseUrl)}/resources/{{ns}}/admin/{{lng}}`,
    parse: (data: string) =>
      Object.fromEntries((JSON.parse(data) as Message[]).map(({ key, value }) => [key, value])),
  },
});

i18n.use(FetchBackend).use(initReactI18next);
