import { Label, LabelGroup, Switch, Text } from "@patternfly/react-core";
import { Td, Tr } from "@patternfly/react-table";
import { useTranslation } from "react-i18next";

import type { AccessKey } from "./api";
import { daysUntil, EXPIRING_SOON_DAYS, statusColor, statusLabel } from "@shared/format";
import { RowActions, type RowAction } from "./RowActions";
import { TimeText } from "./TimeText";

type Props = {
  accessKey: AccessKey;
  scopeLabel: (scope: string) => string;
  onAction: (action: RowAction) => void;
};

const small = "pf-v5-u-display-block pf-v5-u-color-200 pf-v5-u-font-size-sm";

/** One key of the list; the row can take focus (the secret dialog returns focus to the new key's row). */
export const KeyRow = ({ accessKey: key, scopeLabel, onAction }: Props) => {
  const { t } = useTranslation();
  const soon = key.status === "active" && key.expiresAt !== null ? daysUntil(key.expiresAt) : undefined;
  const canToggle = key.status === "active" || key.status === "disabled";
  return (
    <Tr id={`key-row-${key.id}`} tabIndex={-1} data-testid={`key-row-${key.id}`}>
      <Td dataLabel={t("accessKeysName")}>
        <strong>{key.name}</strong>
        {key.description && <Text component="small" className={small}>{key.description}</Text>}
        <code className={small}>{key.id}</code>
      </Td>
      <Td dataLabel={t("accessKeysStatus")}>
        <div className="access-keys-status">
          <Label color={statusColor[key.status]} data-testid="key-status">
            {statusLabel(t, key.status)}
          </Label>
          {soon !== undefined && soon <= EXPIRING_SOON_DAYS && (
            <Label color="orange" variant="outline" isCompact data-testid="expiring-soon">
              {soon < 1 ? t("accessKeysExpiresToday") : t("accessKeysExpiresInDays", { count: soon })}
            </Label>
          )}
          {key.previousSecretExpiresAt != null && key.previousSecretExpiresAt > Date.now() && (
            <Text component="small" className={small} data-testid="previous-secret">
              {t("accessKeysPreviousSecretUntil")} <TimeText millis={key.previousSecretExpiresAt} />
            </Text>
          )}
          {key.revokedAt !== null && (
            <Text component="small" className={small}>
              {t("accessKeysRevokedAt")} <TimeText millis={key.revokedAt} />
            </Text>
          )}
        </div>
      </Td>
      <Td dataLabel={t("accessKeysScopes")}>
        {key.scopes === null ? (
          <em>{t("accessKeysScopesAllShort")}</em>
        ) : key.scopes.filter((s) => s !== "openid").length === 0 ? (
          <em>{t("accessKeysScopesNone")}</em>
        ) : (
          <LabelGroup numLabels={3}>
            {key.scopes.filter((s) => s !== "openid").map((scope) => (
              <Label key={scope} isCompact>
                {scopeLabel(scope)}
              </Label>
            ))}
          </LabelGroup>
        )}
        {key.clients !== null && (
          <Text component="small" className={small}>
            {t("accessKeysClientsList", { clients: key.clients.join(", ") || "-" })}
          </Text>
        )}
        {key.allowedCidrs && (
          <Text component="small" className={small} data-testid="key-cidrs">
            {t("accessKeysCidrsList", { cidrs: key.allowedCidrs.join(", ") })}
          </Text>
        )}
      </Td>
      <Td dataLabel={t("accessKeysCreated")}>
        <TimeText millis={key.createdAt} />
      </Td>
      <Td dataLabel={t("accessKeysExpires")}>
        {key.expiresAt ? <TimeText millis={key.expiresAt} /> : t("accessKeysNeverExpires")}
      </Td>
      <Td dataLabel={t("accessKeysLastUsed")}>
        {key.lastUsedAt ? <TimeText millis={key.lastUsedAt} /> : t("accessKeysNeverUsed")}
        {key.lastUsedIp && <Text component="small" className={small}>{key.lastUsedIp}</Text>}
      </Td>
      <Td dataLabel={t("accessKeysEnabled")}>
        {canToggle && (
          <Switch
            id={`key-enabled-${key.id}`}
            aria-label={t("accessKeysEnabledFor", { name: key.name })}
            isChecked={key.enabled}
            onChange={(_, checked) => onAction(checked ? "enable" : "disable")}
            data-testid="key-enabled"
          />
        )}
      </Td>
      <Td isActionCell>
        <RowActions accessKey={key} onAction={onAction} />
      </Td>
    </Tr>
  );
};
