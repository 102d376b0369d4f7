import { FormHelperText, HelperText, HelperTextItem } from "@patternfly/react-core";

/** The error under a field, else its hint (either may be absent). */
export const FieldHelp = ({ id, error, hint }: { id: string; error?: string; hint?: string }) =>
  error || hint ? (
    <FormHelperText>
      <HelperText id={id} aria-live="polite">
        {error ? <HelperTextItem variant="error">{error}</HelperTextItem> : <HelperTextItem>{hint}</HelperTextItem>}
      </HelperText>
    </FormHelperText>
  ) : null;
