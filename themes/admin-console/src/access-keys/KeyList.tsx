import { useAccess } from "@keycloak/keycloak-admin-ui";
import { EmptyState, EmptyStateHeader, EmptyStateIcon, Pagination, Spinner } from "@patternfly/react-core";
import { KeyIcon } from "@patternfly/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { AccessKey, KeyStatus } from "./api";
import { KeyDialogs, type Dialog } from "./KeyDialogs";
import { KeyTable, type Sort } from "./KeyTable";
import { KeyToolbar } from "./KeyToolbar";
import { useKeysApi } from "./useKeysApi";
import { usePromise } from "./usePromise";

type Props = {
  /** Only this user's keys, with create and "revoke all"; else every key of the realm with an owner column. */
  user?: { id: string; username: string };
};

/** Keys with server-side search, status filter, sort and paging (the total from /count), and their actions. */
export const KeyList = ({ user }: Props) => {
  const { t } = useTranslation();
  const { api, realm, reportError } = useKeysApi();
  const { hasAccess } = useAccess();
  const canManage = hasAccess("manage-users");
  // creating or rotating a key of another user hands out a secret that acts as that user
  const canIssue = canManage && hasAccess("impersonation");

  const [status, setStatus] = useState<KeyStatus | "">("");
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<Sort>();
  const [first, setFirst] = useState(0);
  const [max, setMax] = useState(20);
  const [keys, setKeys] = useState<AccessKey[]>();
  const [total, setTotal] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<Dialog>();
  const refresh = () => setVersion((v) => v + 1);

  const query = { userId: user?.id, status: status || undefined, search: search || undefined };
  usePromise(
    (signal) =>
      Promise.all([
        api.list({ ...query, first, max, ...(sort ? { sort: sort.field, order: sort.ascending ? "asc" : "desc" } : {}) }, signal),
        api.count(query, signal),
      ]),
    ([page, count]) => {
      setKeys(page);
      setTotal(count);
    },
    (error) => {
      reportError(t("accessKeysErrorLoad"), error);
      setKeys((current) => current ?? []);
    },
    [api, user?.id, status, search, sort, first, max, version],
  );

  const filter = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setFirst(0);
    setSelected(new Set());
  };
  const select = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
      return next;
    });

  /** The confirmation names how many keys of the user are not revoked yet. */
  const confirmRevokeAll = async (userId: string) => {
    try {
      const [all, revoked] = await Promise.all([api.count({ userId }), api.count({ userId, status: "revoked" })]);
      setDialog({ kind: "bulkUser", count: all - revoked });
    } catch (error) {
      reportError(t("accessKeysErrorLoad"), error);
    }
  };

  return (
    <>
      <KeyToolbar
        status={status}
        onStatus={filter(setStatus)}
        onSearch={filter(setSearch)}
        selectedCount={selected.size}
        onRevokeSelected={canManage ? () => setDialog({ kind: "bulk", ids: [...selected] }) : undefined}
        onCreate={user && canIssue ? () => setDialog({ kind: "create" }) : undefined}
        onRevokeAllOfUser={user && canManage ? () => void confirmRevokeAll(user.id) : undefined}
      />
      {!keys ? (
        <Spinner aria-label={t("accessKeysLoading")} />
      ) : keys.length === 0 ? (
        <EmptyState variant="sm" data-testid="empty">
          <EmptyStateHeader titleText={t("accessKeysEmpty")} headingLevel="h2" icon={<EmptyStateIcon icon={KeyIcon} />} />
        </EmptyState>
      ) : (
        <KeyTable
          keys={keys}
          realm={realm}
          showOwner={!user}
          canManage={canManage}
          canIssue={canIssue}
          selected={selected}
          onSelect={select}
          sort={sort}
          onSort={filter(setSort)}
          onAction={(kind, key) => setDialog({ kind, key })}
        />
      )}
      <Pagination
        widgetId="access-keys-pagination"
        itemCount={total}
        page={Math.floor(first / max) + 1}
        perPage={max}
        perPageOptions={[10, 20, 50, 100].map((n) => ({ title: String(n), value: n }))}
        onSetPage={(_, page) => setFirst((page - 1) * max)}
        onPerPageSelect={(_, perPage) => {
          setMax(perPage);
          setFirst(0);
        }}
        variant="bottom"
        data-testid="access-keys-pagination"
      />
      <KeyDialogs
        dialog={dialog}
        user={user}
        onDialog={setDialog}
        onChanged={() => {
          setSelected(new Set());
          refresh();
        }}
      />
    </>
  );
};
