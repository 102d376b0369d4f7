import { Label, LabelGroup, Text } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr, type ThProps } from "@patternfly/react-table";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

import type { AccessKey } from "./api";
import { browserLocale, formatDateTime, statusColor, statusLabel } from "@shared/format";
import { KeyRowActions, type RowAction } from "./KeyRowActions";

export type SortField = "name" | "createdAt" | "expiresAt" | "lastUsedAt";
export type Sort = { field: SortField; ascending: boolean } | undefined;

type Props = {
  keys: AccessKey[];
  realm: string;
  showOwner: boolean;
  canManage: boolean;
  canIssue: boolean;
  selected: Set<string>;
  onSelect: (ids: string[], selected: boolean) => void;
  sort: Sort;
  onSort: (sort: Sort) => void;
  onAction: (action: RowAction, key: AccessKey) => void;
};

/** One page of keys: name, key ID, owner, status, limits, expiry, last use; sortable columns, selectable rows. */
export const KeyTable = ({ keys, realm, showOwner, canManage, canIssue, selected, onSelect, sort, onSort, onAction }: Props) => {
  const { t } = useTranslation();
  const locale = browserLocale();
  const columns: SortField[] = ["name", "expiresAt", "lastUsedAt", "createdAt"];
  const sortBy = (field: SortField): ThProps["sort"] => ({
    columnIndex: columns.indexOf(field),
    sortBy: sort ? { index: columns.indexOf(sort.field), direction: sort.ascending ? "asc" : "desc" } : {},
    onSort: (_, __, direction) => onSort({ field, ascending: direction === "asc" }),
  });
  const selectable = keys.filter((k) => k.status !== "revoked");
  const allSelected = selectable.length > 0 && selectable.every((k) => selected.has(k.id));

  return (
    <Table aria-label={t("accessKeys")} variant="compact" data-testid="access-keys-table">
      <Thead>
        <Tr>
          {canManage && (
            <Th
              select={{ onSelect: (_, isSelected) => onSelect(selectable.map((k) => k.id), isSelected), isSelected: allSelected }}
              aria-label={t("accessKeysSelectPage")}
            />
          )}
          <Th modifier="wrap" sort={sortBy("name")}>{t("accessKeysName")}</Th>
          <Th>{t("accessKeysKeyId")}</Th>
          {showOwner && <Th>{t("accessKeysOwner")}</Th>}
          <Th>{t("accessKeysStatus")}</Th>
          <Th modifier="wrap">{t("accessKeysLimits")}</Th>
          <Th modifier="wrap" sort={sortBy("expiresAt")}>{t("accessKeysExpires")}</Th>
          <Th modifier="wrap" sort={sortBy("lastUsedAt")}>{t("accessKeysLastUsed")}</Th>
          <Th modifier="wrap" sort={sortBy("createdAt")}>{t("accessKeysCreated")}</Th>
          {canManage && <Th screenReaderText={t("accessKeysActions")} />}
        </Tr>
      </Thead>
      <Tbody>
        {keys.map((key, rowIndex) => (
          <Tr key={key.id} data-testid={`key-row-${key.id}`}>
            {canManage && (
              <Td
                select={{
                  rowIndex,
                  onSelect: (_, isSelected) => onSelect([key.id], isSelected),
                  isSelected: selected.has(key.id),
                  isDisabled: key.status === "revoked",
                }}
              />
            )}
            <Td dataLabel={t("accessKeysName")}>
              <strong>{key.name}</strong>
              {key.description && <Text component="small" className="pf-v5-u-display-block pf-v5-u-color-200">{key.description}</Text>}
            </Td>
            <Td dataLabel={t("accessKeysKeyId")}>
              <code>{key.id}</code>
            </Td>
            {showOwner && (
              <Td dataLabel={t("accessKeysOwner")}>
                <Link to={`/${encodeURIComponent(realm)}/users/${encodeURIComponent(key.userId)}/settings`}>
                  {key.username ?? key.userId}
                </Link>
              </Td>
            )}
            <Td dataLabel={t("accessKeysStatus")}>
              <Label color={statusColor[key.status]} data-testid="key-status">
                {statusLabel(t, key.status)}
              </Label>
            </Td>
            <Td dataLabel={t("accessKeysLimits")}>
              <Limits accessKey={key} />
            </Td>
            <Td dataLabel={t("accessKeysExpires")}>
              {key.expiresAt ? formatDateTime(key.expiresAt, locale) : t("accessKeysNeverExpires")}
              {key.previousSecretExpiresAt && key.previousSecretExpiresAt > Date.now() && (
                <Text component="small" className="pf-v5-u-display-block pf-v5-u-color-200" data-testid="previous-secret-until">
                  {t("accessKeysPreviousSecretUntil", { date: formatDateTime(key.previousSecretExpiresAt, locale) })}
                </Text>
              )}
            </Td>
            <Td dataLabel={t("accessKeysLastUsed")}>
              {key.lastUsedAt ? formatDateTime(key.lastUsedAt, locale) : t("accessKeysNeverUsed")}
              {key.lastUsedIp && <Text component="small" className="pf-v5-u-display-block pf-v5-u-color-200">{key.lastUsedIp}</Text>}
            </Td>
            <Td dataLabel={t("accessKeysCreated")}>{formatDateTime(key.createdAt, locale)}</Td>
            {canManage && (
              <Td isActionCell>
                <KeyRowActions accessKey={key} canIssue={canIssue} onAction={(action) => onAction(action, key)} />
              </Td>
            )}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

/** Scopes as labels; clients and roles as a line each when the key is limited to some. */
const Limits = ({ accessKey }: { accessKey: AccessKey }) => {
  const { t } = useTranslation();
  const line = (text: string) => <Text component="small" className="pf-v5-u-display-block pf-v5-u-color-200">{text}</Text>;
  return (
    <>
      {accessKey.scopes === null ? (
        <em>{t("accessKeysScopesAll")}</em>
      ) : (
        <LabelGroup numLabels={3}>
          {accessKey.scopes.map((scope) => (
            <Label key={scope} isCompact>
              {scope}
            </Label>
          ))}
        </LabelGroup>
      )}
      {accessKey.clients !== null && line(t("accessKeysClientsList", { clients: accessKey.clients.join(", ") || "-" }))}
      {accessKey.roles !== null && line(t("accessKeysRolesList", { roles: accessKey.roles.join(", ") || "-" }))}
      {accessKey.allowedCidrs && line(t("accessKeysCidrsList", { cidrs: accessKey.allowedCidrs.join(", ") }))}
    </>
  );
};
