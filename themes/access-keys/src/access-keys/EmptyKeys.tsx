import {
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  EmptyStateHeader,
  EmptyStateIcon,
} from "@patternfly/react-core";
import { KeyIcon, SearchIcon } from "@patternfly/react-icons";
import { useTranslation } from "react-i18next";

type Props = { filtered: boolean; onShowAll: () => void; onCreate: () => void; canCreate: boolean };

/** No keys at all (with Create), or none that match the search and filter (with "Show all keys"). */
export const EmptyKeys = ({ filtered, onShowAll, onCreate, canCreate }: Props) => {
  const { t } = useTranslation();
  return filtered ? (
    <EmptyState variant="sm" data-testid="empty-filtered">
      <EmptyStateHeader titleText={t("accessKeysEmptyFilteredTitle")} headingLevel="h2" icon={<EmptyStateIcon icon={SearchIcon} />} />
      <EmptyStateFooter>
        <EmptyStateActions>
          <Button variant="link" onClick={onShowAll}>
            {t("accessKeysShowAll")}
          </Button>
        </EmptyStateActions>
      </EmptyStateFooter>
    </EmptyState>
  ) : (
    <EmptyState variant="sm" data-testid="empty">
      <EmptyStateHeader titleText={t("accessKeysEmptyTitle")} headingLevel="h2" icon={<EmptyStateIcon icon={KeyIcon} />} />
      <EmptyStateBody>{t("accessKeysEmptyBody")}</EmptyStateBody>
      <EmptyStateFooter>
        <EmptyStateActions>
          <Button variant="primary" onClick={onCreate} isAriaDisabled={!canCreate}>
            {t("accessKeysCreateButton")}
          </Button>
        </EmptyStateActions>
      </EmptyStateFooter>
    </EmptyState>
  );
};
