import { Dropdown, DropdownItem, DropdownList, MenuToggle } from "@patternfly/react-core";
import { EllipsisVIcon } from "@patternfly/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { AccessKey } from "./api";

export type RowAction = "edit" | "toggle" | "rotate" | "revoke" | "delete";

type Props = { accessKey: AccessKey; canIssue: boolean; onAction: (action: RowAction) => void };

/** The kebab menu of a key: what the admin may do with it in its state. */
export const KeyRowActions = ({ accessKey, canIssue, onAction }: Props) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const live = accessKey.status !== "revoked";
  const item = (action: RowAction, label: string, danger = false) => (
    <DropdownItem
      key={action}
      isDanger={danger}
      data-testid={`action-${action}`}
      onClick={() => {
        setOpen(false);
        onAction(action);
      }}
    >
      {label}
    </DropdownItem>
  );
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
        {live && item("edit", t("edit"))}
        {live && item("toggle", accessKey.enabled ? t("accessKeysDisable") : t("accessKeysEnable"))}
        {live && canIssue && item("rotate", t("accessKeysRotate"))}
        {live && item("revoke", t("accessKeysRevoke"), true)}
        {item("delete", t("delete"), true)}
      </DropdownList>
    </Dropdown>
  );
};
