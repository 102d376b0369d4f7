import { Page, usePromise, useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { Spinner } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import "./access-keys.css";
import { countKeys, getOptions, listKeys, type AccessKey, type KeyOptions, type KeyStatus } from "./api";
import { EmptyKeys } from "./EmptyKeys";
import { KeyDialogs, type Dialog } from "./KeyDialogs";
import { KeysTable, type Paging, type Sort } from "./KeysTable";
import { KeysToolbar } from "./KeysToolbar";
import { useKeyActions, useReportError } from "./useKeyActions";

const DEFAULT_SORT: Sort = { field: "createdAt", order: "desc" };

/** The "Access keys" page: the caller's keys, a page at a time, and every change they can make. */
export const AccessKeys = () => {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const reportError = useReportError();

  const [key, setKey] = useState(0);
  const refresh = () => setKey((k) => k + 1);
  const [status, setStatus] = useState<KeyStatus | "">("");
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState(DEFAULT_SORT);
  const [paging, setPaging] = useState<Paging>({ first: 0, max: 10 });
  const [page, setPage] = useState<{ keys: AccessKey[]; count: number }>();
  const [options, setOptions] = useState<KeyOptions>();
  const [dialog, setDialog] = useState<Dialog>();
  const actions = useKeyActions(refresh);

  usePromise(
    (signal) => getOptions(context, signal).catch((error) => reportError(t("accessKeysErrorOptions"), error)),
    (found) => found && setOptions(found),
    [key],
  );
  usePromise(
    async (signal) => {
      const filter = { status: status || undefined, search: search || undefined };
      try {
        const [keys, count] = await Promise.all([
          listKeys(context, { ...filter, ...paging, sort: sort.field, order: sort.order }, signal),
          countKeys(context, filter, signal),
        ]);
        return { keys, count };
      } catch (error) {
        reportError(t("accessKeysErrorLoad"), error);
        return undefined;
      }
    },
    (found) => setPage((current) => found ?? current ?? { keys: [], count: 0 }),
    [key, status, search, sort, paging],
  );

  const firstPage = () => setPaging((p) => ({ ...p, first: 0 }));
  const scopeLabel = (scope: string) => options?.scopes.find((s) => s.name === scope)?.displayName ?? scope;
  const filtered = !!status || !!search;

  return (
    <Page title={t("accessKeys")} description={t("accessKeysDescription")}>
      <KeysToolbar
        options={options}
        status={status}
        onStatus={(value) => {
          setStatus(value);
          firstPage();
        }}
        search={search}
        onSearch={(value) => {
          setSearch(value);
          firstPage();
        }}
        onCreate={() => setDialog({ kind: "create" })}
      />
      {!page ? (
        <Spinner aria-label={t("accessKeysLoading")} />
      ) : page.count === 0 ? (
        <EmptyKeys
          filtered={filtered}
          onShowAll={() => {
            setStatus("");
            setSearch("");
          }}
          onCreate={() => setDialog({ kind: "create" })}
          canCreate={!!options && options.activeKeys < options.policy.maxKeysPerUser}
        />
      ) : (
        <KeysTable
          keys={page.keys}
          count={page.count}
          sort={sort}
          onSort={(value) => {
            setSort(value);
            firstPage();
          }}
          paging={paging}
          onPaging={setPaging}
          scopeLabel={scopeLabel}
          onAction={(accessKey, action) => {
            if (action === "enable" || action === "disable") actions.setEnabled(accessKey, action === "enable");
            else setDialog({ kind: action, key: accessKey });
          }}
        />
      )}
      <KeyDialogs dialog={dialog} setDialog={setDialog} options={options} actions={actions} onCreated={firstPage} />
    </Page>
  );
};
