import { Dropdown, DropdownItem, DropdownList, MenuToggle } from "@patternfly/react-core";
import { EllipsisVIcon } from "@patternfly/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { AccessKey } from "./api";

export type RowAction = "edit" | "enable" | "disable" | "rotate" | "revoke" | "delete";

/** What a key allows: nothing but delete once revoked; an expired key cannot be enabled (it would stay expired). */
export function actionsFor(key: AccessKey): RowAction[] {
  if (key.status === "revoked") return ["delete"];
  const toggle: RowAction[] = key.status === "expired" ? (key.enabled ? ["disable"] : []) : [key.enabled ? "disable" : "enable"];
  return ["edit", ...toggle, "rotate", "revoke", "delete"];
}

const LABELS: Record<RowAction, string> = {
  edit: "accessKeysEdit",
  enable: "accessKeysEnable",
  disable: "accessKeysDisable",
  rotate: "accessKeysRotate",
  revoke: "accessKeysRevoke",
  delete: "accessKeysDelete",
};

type Props = { accessKey: AccessKey; onAction: (action: RowAction) => void };

export const RowActions = ({ accessKey, onAction }: Props) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
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
        {actionsFor(accessKey).map((action) => (
          <DropdownItem
            key={action}
            onClick={() => {
              setOpen(false);
              onAction(action);
            }}
            isDanger={action === "revoke" || action === "delete"}
            data-testid={`action-${action}`}
          >
            {t(LABELS[action])}
          </DropdownItem>
        ))}
      </DropdownList>
    </Dropdown>
  );
};
