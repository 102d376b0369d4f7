import { Pagination } from "@patternfly/react-core";
import { Table, Tbody, Th, Thead, Tr, type ThProps } from "@patternfly/react-table";
import { useTranslation } from "react-i18next";

import type { AccessKey, SortField } from "./api";
import { KeyRow } from "./KeyRow";
import type { RowAction } from "./RowActions";

export type Sort = { field: SortField; order: "asc" | "desc" };
export type Paging = { first: number; max: number };

type Props = {
  keys: AccessKey[];
  count: number;
  sort: Sort;
  onSort: (sort: Sort) => void;
  paging: Paging;
  onPaging: (paging: Paging) => void;
  scopeLabel: (scope: string) => string;
  onAction: (key: AccessKey, action: RowAction) => void;
};

const SORTABLE: SortField[] = ["name", "createdAt", "expiresAt", "lastUsedAt"];

/** The page of keys the server sorted, with true paging from its count. */
export const KeysTable = ({ keys, count, sort, onSort, paging, onPaging, scopeLabel, onAction }: Props) => {
  const { t } = useTranslation();
  const sortBy = (field: SortField): ThProps["sort"] => ({
    columnIndex: SORTABLE.indexOf(field),
    sortBy: { index: SORTABLE.indexOf(sort.field), direction: sort.order, defaultDirection: field === "name" ? "asc" : "desc" },
    onSort: (_event, _index, order) => onSort({ field, order }),
  });
  return (
    <>
      <Table aria-label={t("accessKeys")} variant="compact" data-testid="access-keys-table">
        <Thead>
          <Tr>
            <Th modifier="wrap" sort={sortBy("name")}>{t("accessKeysName")}</Th>
            <Th modifier="wrap">{t("accessKeysStatus")}</Th>
            <Th modifier="wrap">{t("accessKeysScopes")}</Th>
            <Th modifier="wrap" sort={sortBy("createdAt")}>{t("accessKeysCreated")}</Th>
            <Th modifier="wrap" sort={sortBy("expiresAt")}>{t("accessKeysExpires")}</Th>
            <Th modifier="wrap" sort={sortBy("lastUsedAt")}>{t("accessKeysLastUsed")}</Th>
            <Th modifier="wrap">{t("accessKeysEnabled")}</Th>
            <Th screenReaderText={t("accessKeysActions")} />
          </Tr>
        </Thead>
        <Tbody>
          {keys.map((key) => (
            <KeyRow key={key.id} accessKey={key} scopeLabel={scopeLabel} onAction={(action) => onAction(key, action)} />
          ))}
        </Tbody>
      </Table>
      {count > paging.max || paging.first > 0 ? (
        <Pagination
          widgetId="access-keys-pagination"
          itemCount={count}
          page={Math.floor(paging.first / paging.max) + 1}
          perPage={paging.max}
          perPageOptions={[10, 20, 50, 100].map((n) => ({ title: String(n), value: n }))}
          onSetPage={(_, page) => onPaging({ ...paging, first: (page - 1) * paging.max })}
          onPerPageSelect={(_, max) => onPaging({ first: 0, max })}
          titles={{ paginationAriaLabel: t("accessKeysPagination") }}
          variant="bottom"
          data-testid="access-keys-pagination"
        />
      ) : null}
    </>
  );
};
