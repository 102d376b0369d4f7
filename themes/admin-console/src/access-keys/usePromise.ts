import { useEffect, type DependencyList } from "react";

/**
 * Runs an async call when its dependencies change and hands the answer to `then`, unless the component has moved on
 * (as the stock consoles' usePromise does).
 */
export function usePromise<T>(
  call: (signal: AbortSignal) => Promise<T>,
  then: (value: T) => void,
  onError: (error: unknown) => void,
  deps: DependencyList,
) {
  useEffect(() => {
    const abort = new AbortController();
    call(abort.signal)
      .then((value) => {
        if (!abort.signal.aborted) then(value);
      })
      .catch((error) => {
        if (!abort.signal.aborted) onError(error);
      });
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
