import { Alert, AlertActionCloseButton, AlertGroup, AlertVariant } from "@patternfly/react-core";
import { createContext, useCallback, useContext, useMemo, useState, type PropsWithChildren } from "react";

type Shown = { id: number; title: string; variant: AlertVariant; description?: string };
type Alerts = { addAlert: (title: string, variant?: AlertVariant, description?: string) => void };

const AlertContext = createContext<Alerts | undefined>(undefined);
const TIMEOUT = 8000;
let nextId = 0;

/**
 * Toast alerts of this theme's pages, shown like the stock console's (which keeps its own alert context inside the
 * library, out of reach of a theme).
 */
export const AlertProvider = ({ children }: PropsWithChildren) => {
  const [alerts, setAlerts] = useState<Shown[]>([]);
  const remove = useCallback((id: number) => setAlerts((shown) => shown.filter((a) => a.id !== id)), []);
  const addAlert = useCallback(
    (title: string, variant = AlertVariant.success, description?: string) => {
      const id = nextId++;
      setAlerts((shown) => [{ id, title, variant, description }, ...shown]);
      setTimeout(() => remove(id), TIMEOUT);
    },
    [remove],
  );
  const value = useMemo(() => ({ addAlert }), [addAlert]);
  return (
    <AlertContext.Provider value={value}>
      <AlertGroup isToast data-testid="access-keys-alerts">
        {alerts.map(({ id, title, variant, description }) => (
          <Alert
            key={id}
            variant={variant}
            title={title}
            actionClose={<AlertActionCloseButton onClose={() => remove(id)} />}
          >
            {description}
          </Alert>
        ))}
      </AlertGroup>
      {children}
    </AlertContext.Provider>
  );
};

export const useAlerts = () => {
  const alerts = useContext(AlertContext);
  if (!alerts) throw new Error("useAlerts outside AlertProvider");
  return alerts;
};
