import { useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";

import { formatDateTime, formatRelative } from "@shared/format";

/** A time as people say it ("in 3 days", "2 hours ago"), with the exact date and time on hover. */
export const TimeText = ({ millis }: { millis: number }) => {
  const { environment } = useEnvironment<AccountEnvironment>();
  const absolute = formatDateTime(millis, environment.locale);
  return (
    <time dateTime={new Date(millis).toISOString()} title={absolute}>
      {formatRelative(millis, environment.locale)}
    </time>
  );
};
