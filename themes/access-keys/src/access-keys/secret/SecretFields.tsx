import { ClipboardCopy, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

import type { IssuedKey } from "../useKeyActions";

/** Name, key ID and secret, each ID and the secret with its copy button. */
export const SecretFields = ({ accessKey }: { accessKey: IssuedKey }) => {
  const { t } = useTranslation();
  return (
    <DescriptionList isHorizontal>
      <DescriptionListGroup>
        <DescriptionListTerm>{t("accessKeysName")}</DescriptionListTerm>
        <DescriptionListDescription>{accessKey.name}</DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>{t("accessKeysKeyId")}</DescriptionListTerm>
        <DescriptionListDescription>
          <ClipboardCopy isReadOnly hoverTip={t("accessKeysCopyKeyId")} clickTip={t("accessKeysCopied")} textAriaLabel={t("accessKeysKeyId")} data-testid="secret-dialog-key-id">
            {accessKey.id}
          </ClipboardCopy>
        </DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>{t("accessKeysSecret")}</DescriptionListTerm>
        <DescriptionListDescription id="access-key-secret-copy">
          <ClipboardCopy isReadOnly hoverTip={t("accessKeysCopySecret")} clickTip={t("accessKeysCopied")} textAriaLabel={t("accessKeysSecret")} data-testid="secret-dialog-secret">
            {accessKey.secret}
          </ClipboardCopy>
        </DescriptionListDescription>
      </DescriptionListGroup>
    </DescriptionList>
  );
};
