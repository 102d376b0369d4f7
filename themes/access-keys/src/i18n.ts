import { createInstance, type LanguageDetectorModule } from "i18next";
import FetchBackend from "i18next-fetch-backend";
import { initReactI18next } from "react-i18next";

import { environment } from "./environment";

type Message = { key: string; value: string };

const localeFromEnvironment: LanguageDetectorModule = {
  type: "languageDetector",
  detect: () => environment.locale,
};

/**
 * Messages come from Keycloak's theme message endpoint, which merges this theme's
 * messages_xx.properties with those of keycloak.v3 and base: the stock pages keep their texts.
 */
export const i18n = createInstance({
  fallbackLng: "en",
  showSupportNotice: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  backend: {
    loadPath: `${environment.serverBaseUrl}/resources/${encodeURIComponent(environment.realm)}/account/{{lng}}`,
    parse: (data: string) =>
      Object.fromEntries(
        (JSON.parse(data) as Message[]).map(({ key, value }) => [key, value]),
      ),
  },
});

i18n.use(FetchBackend).use(localeFromEnvironment).use(initReactI18next);
