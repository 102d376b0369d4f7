import {
  Button,
  FormSelect,
  FormSelectOption,
  SearchInput,
  Text,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { KEY_STATUSES, type KeyOptions, type KeyStatus } from "./api";
import { statusLabel } from "@shared/format";

type Props = {
  options?: KeyOptions;
  status: KeyStatus | "";
  onStatus: (status: KeyStatus | "") => void;
  search: string;
  onSearch: (search: string) => void;
  onCreate: () => void;
};

/** Search, status filter, Create (disabled with the reason at the limit) and the key counter. */
export const KeysToolbar = ({ options, status, onStatus, search, onSearch, onCreate }: Props) => {
  const { t } = useTranslation();
  const [text, setText] = useState(search);
  const max = options?.policy.maxKeysPerUser;
  const atLimit = !!options && options.activeKeys >= options.policy.maxKeysPerUser;
  return (
    <Toolbar>
      <ToolbarContent>
        <ToolbarItem>
          <SearchInput
            aria-label={t("accessKeysSearch")}
            placeholder={t("accessKeysSearch")}
            value={text}
            onChange={(_, value) => setText(value)}
            onSearch={(_, value) => onSearch(value.trim())}
            onClear={() => {
              setText("");
              onSearch("");
            }}
            data-testid="key-search"
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
        <ToolbarItem>
          <Button
            variant="primary"
            onClick={onCreate}
            isAriaDisabled={!options || atLimit}
            aria-describedby={atLimit ? "access-keys-limit" : undefined}
            data-testid="create-key"
          >
            {t("accessKeysCreateButton")}
          </Button>
        </ToolbarItem>
        {options && (
          <ToolbarItem alignSelf="center">
            <Text component="small" data-testid="key-count">
              {t("accessKeysCount", { count: options.activeKeys, max })}
            </Text>
          </ToolbarItem>
        )}
      </ToolbarContent>
      {atLimit && (
        <Text component="p" id="access-keys-limit" className="pf-v5-u-px-md pf-v5-u-pb-sm" data-testid="limit-reached">
          {t("accessKeysLimitReached", { max })}
        </Text>
      )}
    </Toolbar>
  );
};
