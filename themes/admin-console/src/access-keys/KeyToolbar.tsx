import {
  Button,
  FormSelect,
  FormSelectOption,
  SearchInput,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { KEY_STATUSES, type KeyStatus } from "./api";
import { statusLabel } from "@shared/format";

type Props = {
  status: KeyStatus | "";
  onStatus: (status: KeyStatus | "") => void;
  onSearch: (search: string) => void;
  selectedCount: number;
  onRevokeSelected?: () => void;
  onCreate?: () => void;
  onRevokeAllOfUser?: () => void;
};

/** Search (sent to the server on Enter), status filter, and the actions the admin may take on the list. */
export const KeyToolbar = ({ status, onStatus, onSearch, selectedCount, onRevokeSelected, onCreate, onRevokeAllOfUser }: Props) => {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  return (
    <Toolbar>
      <ToolbarContent>
        <ToolbarItem>
          <SearchInput
            placeholder={t("accessKeysSearchPlaceholder")}
            aria-label={t("accessKeysSearch")}
            value={text}
            onChange={(_, value) => setText(value)}
            onSearch={(_, value) => onSearch(value.trim())}
            onClear={() => {
              setText("");
              onSearch("");
            }}
            data-testid="access-keys-search"
          />
        </ToolbarItem>
        <ToolbarItem>
          <FormSelect
            id="access-key-status-filter"
            aria-label={t("accessKeysStatusFilter")}
            value={status}
            onChange={(_, value) => onStatus(value as KeyStatus | "")}
            data-testid="status-filter"
            style={{ minWidth: "12rem" }}
          >
            <FormSelectOption value="" label={t("accessKeysStatusAll")} />
            {KEY_STATUSES.map((s) => (
              <FormSelectOption key={s} value={s} label={statusLabel(t, s)} />
            ))}
          </FormSelect>
        </ToolbarItem>
        {onCreate && (
          <ToolbarItem>
            <Button variant="primary" onClick={onCreate} data-testid="create-key">
              {t("accessKeysCreateButton")}
            </Button>
          </ToolbarItem>
        )}
        {onRevokeSelected && (
          <ToolbarItem>
            <Button variant="secondary" isDanger isDisabled={selectedCount === 0} onClick={onRevokeSelected} data-testid="revoke-selected">
              {t("accessKeysRevokeSelected", { count: selectedCount })}
            </Button>
          </ToolbarItem>
        )}
        {onRevokeAllOfUser && (
          <ToolbarItem>
            <Button variant="secondary" isDanger onClick={onRevokeAllOfUser} data-testid="revoke-all-of-user">
              {t("accessKeysRevokeAllOfUser")}
            </Button>
          </ToolbarItem>
        )}
      </ToolbarContent>
    </Toolbar>
  );
};
