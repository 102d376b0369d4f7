import {
  Page,
  useAccountAlerts,
  useEnvironment,
  type AccountEnvironment,
} from "@keycloak/keycloak-account-ui";
import {
  AlertVariant,
  Button,
  Dropdown,
  DropdownItem,
  DropdownList,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  EmptyStateHeader,
  EmptyStateIcon,
  FormSelect,
  FormSelectOption,
  Label,
  LabelGroup,
  MenuToggle,
  Pagination,
  Spinner,
  Text,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { EllipsisVIcon, KeyIcon, SearchIcon } from "@patternfly/react-icons";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import {
  ApiError,
  createKey,
  deleteKey,
  getOptions,
  KEY_STATUSES,
  listKeys,
  revokeKey,
  rotateKey,
  updateKey,
  type AccessKey,
  type KeyInput,
  type KeyOptions,
  type KeyStatus,
} from "./api";
import { ConfirmDialog } from "./ConfirmDialog";
import { formatDateTime, statusColor, statusLabel } from "./format";
import { KeyForm } from "./KeyForm";
import { SecretDialog } from "./SecretDialog";

type Dialog =
  | { kind: "create" }
  | { kind: "edit"; key: AccessKey }
  | { kind: "secret"; key: AccessKey & { secret: string }; rotated: boolean }
  | { kind: "rotate" | "revoke" | "delete"; key: AccessKey };

export const AccessKeys = () => {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const locale = context.environment.locale;
  const { addAlert } = useAccountAlerts();

  const [status, setStatus] = useState<KeyStatus | "">("");
  const [first, setFirst] = useState(0);
  const [max, setMax] = useState(10);
  const [keys, setKeys] = useState<AccessKey[]>();
  const [hasNext, setHasNext] = useState(false);
  const [options, setOptions] = useState<KeyOptions>();
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<Dialog>();

  const refresh = () => setVersion((v) => v + 1);

  const reportError = useCallback(
    (summary: string, error: unknown) => {
      if (error instanceof DOMException && error.name === "AbortError") return;
      console.error(error);
      const description = error instanceof ApiError || error instanceof Error ? error.message : String(error);
      addAlert(summary, AlertVariant.danger, description);
    },
    [addAlert],
  );

  useEffect(() => {
    const abort = new AbortController();
    // One more than a page tells whether there is a next page.
    listKeys(context, { status: status || undefined, first, max: max + 1 }, abort.signal)
      .then((found) => {
        setKeys(found.slice(0, max));
        setHasNext(found.length > max);
      })
      .catch((error) => {
        reportError(t("accessKeysErrorLoad"), error);
        setKeys((current) => current ?? []);
      });
    return () => abort.abort();
  }, [context, status, first, max, version, reportError, t]);

  useEffect(() => {
    const abort = new AbortController();
    getOptions(context, abort.signal)
      .then(setOptions)
      .catch((error) => reportError(t("accessKeysErrorOptions"), error));
    return () => abort.abort();
  }, [context, version, reportError, t]);

  /** Runs an API call; on success refreshes the list, on failure shows Keycloak's alert. */
  async function run<T>(action: () => Promise<T>, failure: string, success?: string): Promise<T | undefined> {
    try {
      const result = await action();
      if (success) addAlert(success, AlertVariant.success);
      refresh();
      return result;
    } catch (error) {
      reportError(failure, error);
      return undefined;
    }
  }

  async function create(input: KeyInput) {
    const created = await run(() => createKey(context, input), t("accessKeysErrorCreate"));
    if (created?.secret) {
      setDialog({ kind: "secret", key: { ...created, secret: created.secret }, rotated: false });
    }
  }

  async function edit(key: AccessKey, input: KeyInput) {
    const saved = await run(() => updateKey(context, key.id, input), t("accessKeysErrorSave"), t("accessKeysSaved"));
    if (saved) setDialog(undefined);
  }

  async function toggleEnabled(key: AccessKey) {
    await run(
      () => updateKey(context, key.id, { enabled: !key.enabled }),
      key.enabled ? t("accessKeysErrorDisable") : t("accessKeysErrorEnable"),
      key.enabled ? t("accessKeysDisabledAlert", { name: key.name }) : t("accessKeysEnabledAlert", { name: key.name }),
    );
  }

  async function confirmAction(kind: "rotate" | "revoke" | "delete", key: AccessKey) {
    if (kind === "rotate") {
      const rotated = await run(() => rotateKey(context, key.id), t("accessKeysErrorRotate"));
      if (rotated?.secret) {
        setDialog({ kind: "secret", key: { ...rotated, secret: rotated.secret }, rotated: true });
      } else {
        setDialog(undefined);
      }
      return;
    }
    // Success or not (the alert tells), the confirmation has been answered.
    if (kind === "revoke") {
      await run(() => revokeKey(context, key.id), t("accessKeysErrorRevoke"), t("accessKeysRevokedAlert", { name: key.name }));
    } else {
      await run(() => deleteKey(context, key.id), t("accessKeysErrorDelete"), t("accessKeysDeletedAlert", { name: key.name }));
    }
    setDialog(undefined);
  }

  const policy = options?.policy;
  const atLimit = !!options && !!policy && options.activeKeys >= policy.maxKeysPerUser;

  const createButton = (
    <Button
      variant="primary"
      onClick={() => setDialog({ kind: "create" })}
      isDisabled={!options}
      data-testid="create-key"
    >
      {t("accessKeysCreateButton")}
    </Button>
  );

  const toolbar = (
    <Toolbar>
      <ToolbarContent>
        <ToolbarItem variant="label">
          <label htmlFor="access-key-status-filter">{t("accessKeysStatusFilter")}</label>
        </ToolbarItem>
        <ToolbarItem>
          <FormSelect
            id="access-key-status-filter"
            value={status}
            onChange={(_, value) => {
              setStatus(value as KeyStatus | "");
              setFirst(0);
            }}
            data-testid="status-filter"
            style={{ minWidth: "12rem" }}
          >
            <FormSelectOption value="" label={t("accessKeysStatusAll")} />
            {KEY_STATUSES.map((s) => (
              <FormSelectOption key={s} value={s} label={statusLabel(t, s)} />
            ))}
          </FormSelect>
        </ToolbarItem>
        <ToolbarItem>{createButton}</ToolbarItem>
        {options && policy && (
          <ToolbarItem align={{ default: "alignRight" }}>
            <Text component="small" data-testid="key-count">
              {t("accessKeysCount", { count: options.activeKeys, max: policy.maxKeysPerUser })}
            </Text>
          </ToolbarItem>
        )}
      </ToolbarContent>
    </Toolbar>
  );

  let content;
  if (!keys) {
    content = <Spinner aria-label={t("accessKeysLoading")} />;
  } else if (keys.length === 0 && first === 0) {
    content = status ? (
      <EmptyState variant="sm" data-testid="empty-filtered">
        <EmptyStateHeader
          titleText={t("accessKeysEmptyFilteredTitle", { status: statusLabel(t, status) })}
          headingLevel="h2"
          icon={<EmptyStateIcon icon={SearchIcon} />}
        />
        <EmptyStateFooter>
          <EmptyStateActions>
            <Button variant="link" onClick={() => setStatus("")}>
              {t("accessKeysShowAll")}
            </Button>
          </EmptyStateActions>
        </EmptyStateFooter>
      </EmptyState>
    ) : (
      <EmptyState variant="sm" data-testid="empty">
        <EmptyStateHeader
          titleText={t("accessKeysEmptyTitle")}
          headingLevel="h2"
          icon={<EmptyStateIcon icon={KeyIcon} />}
        />
        <EmptyStateBody>{t("accessKeysEmptyBody")}</EmptyStateBody>
        <EmptyStateFooter>
          <EmptyStateActions>{createButton}</EmptyStateActions>
        </EmptyStateFooter>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <Table aria-label={t("accessKeys")} variant="compact" data-testid="access-keys-table">
          <Thead>
            <Tr>
              <Th>{t("accessKeysName")}</Th>
              <Th>{t("accessKeysKeyId")}</Th>
              <Th>{t("accessKeysStatus")}</Th>
              <Th>{t("accessKeysScopes")}</Th>
              <Th>{t("accessKeysExpires")}</Th>
              <Th>{t("accessKeysLastUsed")}</Th>
              <Th screenReaderText={t("accessKeysActions")} />
            </Tr>
          </Thead>
          <Tbody>
            {keys.map((key) => (
              <Tr key={key.id} data-testid={`key-row-${key.id}`}>
                <Td dataLabel={t("accessKeysName")}>
                  <strong>{key.name}</strong>
                  {key.description && (
                    <Text component="small" className="pf-v5-u-display-block pf-v5-u-color-200">
                      {key.description}
                    </Text>
                  )}
                </Td>
                <Td dataLabel={t("accessKeysKeyId")}>
                  <code>{key.id}</code>
                </Td>
                <Td dataLabel={t("accessKeysStatus")}>
                  <Label color={statusColor[key.status]} data-testid="key-status">
                    {statusLabel(t, key.status)}
                  </Label>
                </Td>
                <Td dataLabel={t("accessKeysScopes")}>
                  {key.scopes === null ? (
                    <em>{t("accessKeysScopesAllShort")}</em>
                  ) : key.scopes.length === 0 ? (
                    <em>{t("accessKeysScopesNone")}</em>
                  ) : (
                    <LabelGroup numLabels={3}>
                      {key.scopes.map((scope) => (
                        <Label key={scope} isCompact>
                          {scope}
                        </Label>
                      ))}
                    </LabelGroup>
                  )}
                  {key.clients !== null && (
                    <Text component="small" className="pf-v5-u-display-block pf-v5-u-color-200">
                      {t("accessKeysClientsList", { clients: key.clients.join(", ") || "-" })}
                    </Text>
                  )}
                </Td>
                <Td dataLabel={t("accessKeysExpires")}>
                  {key.expiresAt ? formatDateTime(key.expiresAt, locale) : t("accessKeysNeverExpires")}
                </Td>
                <Td dataLabel={t("accessKeysLastUsed")}>
                  {key.lastUsedAt ? (
                    <>
                      {formatDateTime(key.lastUsedAt, locale)}
                      {key.lastUsedIp && (
                        <Text component="small" className="pf-v5-u-display-block pf-v5-u-color-200">
                          {key.lastUsedIp}
                        </Text>
                      )}
                    </>
                  ) : (
                    t("accessKeysNeverUsed")
                  )}
                </Td>
                <Td isActionCell>
                  <RowActions
                    accessKey={key}
                    onEdit={() => setDialog({ kind: "edit", key })}
                    onToggle={() => toggleEnabled(key)}
                    onConfirm={(kind) => setDialog({ kind, key })}
                  />
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {(first > 0 || hasNext) && (
          <Pagination
            widgetId="access-keys-pagination"
            itemCount={first + keys.length + (hasNext ? 1 : 0)}
            page={Math.floor(first / max) + 1}
            perPage={max}
            perPageOptions={[10, 20, 50, 100].map((n) => ({ title: String(n), value: n }))}
            onSetPage={(_, page) => setFirst((page - 1) * max)}
            onPerPageSelect={(_, perPage) => {
              setMax(perPage);
              setFirst(0);
            }}
            toggleTemplate={({ firstIndex, lastIndex }) => (
              <b>
                {firstIndex} - {lastIndex}
              </b>
            )}
            titles={{ paginationAriaLabel: t("accessKeysPagination") }}
            variant="bottom"
          />
        )}
      </>
    );
  }

  return (
    <Page title={t("accessKeys")} description={t("accessKeysDescription")}>
      {toolbar}
      {atLimit && (
        <Text component="p" className="pf-v5-u-mb-md" data-testid="limit-reached">
          {t("accessKeysLimitReached", { max: policy!.maxKeysPerUser })}
        </Text>
      )}
      {content}

      {dialog?.kind === "create" && options && (
        <KeyForm options={options} onSubmit={create} onClose={() => setDialog(undefined)} />
      )}
      {dialog?.kind === "edit" && options && (
        <KeyForm
          accessKey={dialog.key}
          options={options}
          onSubmit={(input) => edit(dialog.key, input)}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === "secret" && (
        <SecretDialog accessKey={dialog.key} rotated={dialog.rotated} onClose={() => setDialog(undefined)} />
      )}
      {(dialog?.kind === "rotate" || dialog?.kind === "revoke" || dialog?.kind === "delete") && (
        <ConfirmDialog
          title={t(`accessKeysConfirm${capitalize(dialog.kind)}Title`, { name: dialog.key.name })}
          message={t(`accessKeysConfirm${capitalize(dialog.kind)}`, { name: dialog.key.name })}
          confirmLabel={t(`accessKeys${capitalize(dialog.kind)}`)}
          danger={dialog.kind !== "rotate"}
          onConfirm={() => confirmAction(dialog.kind as "rotate" | "revoke" | "delete", dialog.key)}
          onClose={() => setDialog(undefined)}
        />
      )}
    </Page>
  );
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type RowActionsProps = {
  accessKey: AccessKey;
  onEdit: () => void;
  onToggle: () => void;
  onConfirm: (kind: "rotate" | "revoke" | "delete") => void;
};

const RowActions = ({ accessKey, onEdit, onToggle, onConfirm }: RowActionsProps) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const revoked = accessKey.status === "revoked";
  const select = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      popperProps={{ position: "right" }}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          variant="plain"
          isExpanded={open}
          onClick={() => setOpen(!open)}
          aria-label={t("accessKeysActionsFor", { name: accessKey.name })}
          data-testid="key-actions"
        >
          <EllipsisVIcon />
        </MenuToggle>
      )}
    >
      <DropdownList>
        {!revoked && (
          <DropdownItem onClick={select(onEdit)} data-testid="action-edit">
            {t("accessKeysEdit")}
          </DropdownItem>
        )}
        {!revoked && (
          <DropdownItem onClick={select(onToggle)} data-testid={accessKey.enabled ? "action-disable" : "action-enable"}>
            {accessKey.enabled ? t("accessKeysDisable") : t("accessKeysEnable")}
          </DropdownItem>
        )}
        {!revoked && (
          <DropdownItem onClick={select(() => onConfirm("rotate"))} data-testid="action-rotate">
            {t("accessKeysRotate")}
          </DropdownItem>
        )}
        {!revoked && (
          <DropdownItem onClick={select(() => onConfirm("revoke"))} data-testid="action-revoke" isDanger>
            {t("accessKeysRevoke")}
          </DropdownItem>
        )}
        <DropdownItem onClick={select(() => onConfirm("delete"))} data-testid="action-delete" isDanger>
          {t("accessKeysDelete")}
        </DropdownItem>
      </DropdownList>
    </Dropdown>
  );
};
