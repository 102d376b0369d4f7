import { useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import {
  Button,
  Checkbox,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Modal,
  ModalVariant,
  Radio,
  TextArea,
  TextInput,
} from "@patternfly/react-core";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import type { AccessKey, KeyInput, KeyOptions } from "./api";
import { DAY, endOfDay, formatDateTime, isoDate } from "./format";

const NAME_MAX = 100;
const DESCRIPTION_MAX = 1000;
const PRESET_DAYS = [7, 30, 90, 180, 365];
const FALLBACK_DEFAULT_DAYS = 90;

type Props = {
  /** The key to edit; absent to create one. */
  accessKey?: AccessKey;
  options: KeyOptions;
  onSubmit: (input: KeyInput) => Promise<void>;
  onClose: () => void;
};

type Limit = "all" | "selected";

/** Expiry choices: "keep" (edit), "never", "custom" or a number of days from now. */
type ExpiryChoice = "keep" | "never" | "custom" | `${number}`;

export const KeyForm = ({ accessKey, options, onSubmit, onClose }: Props) => {
  const { t } = useTranslation();
  const { environment } = useEnvironment<AccountEnvironment>();
  const locale = environment.locale;
  const editing = !!accessKey;
  const { policy } = options;

  const maxDays = policy.maxLifetimeDays;
  const neverAllowed = !policy.requireExpiration && maxDays == null && policy.defaultLifetimeDays == null;
  const presets = useMemo(() => {
    const days = PRESET_DAYS.filter((d) => maxDays == null || d <= maxDays);
    for (const extra of [policy.defaultLifetimeDays, maxDays]) {
      if (extra != null && extra > 0 && !days.includes(extra)) days.push(extra);
    }
    return days.sort((a, b) => a - b);
  }, [maxDays, policy.defaultLifetimeDays]);
  const defaultDays =
    policy.defaultLifetimeDays ??
    (maxDays == null || maxDays >= FALLBACK_DEFAULT_DAYS ? FALLBACK_DEFAULT_DAYS : maxDays);

  const [name, setName] = useState(accessKey?.name ?? "");
  const [description, setDescription] = useState(accessKey?.description ?? "");
  const [expiry, setExpiry] = useState<ExpiryChoice>(editing ? "keep" : `${defaultDays}`);
  const [customDate, setCustomDate] = useState("");
  const [scopeLimit, setScopeLimit] = useState<Limit>(accessKey?.scopes ? "selected" : "all");
  const [scopes, setScopes] = useState<string[]>(accessKey?.scopes ?? []);
  const [clientLimit, setClientLimit] = useState<Limit>(accessKey?.clients ? "selected" : "all");
  const [clients, setClients] = useState<string[]>(accessKey?.clients ?? []);
  const [roleLimit, setRoleLimit] = useState<Limit>(accessKey?.roles ? "selected" : "all");
  const [roles, setRoles] = useState<string[]>(accessKey?.roles ?? []);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);

  // The latest day a custom expiry may be: the policy counts the lifetime from creation.
  const lifetimeStart = accessKey?.createdAt ?? Date.now();
  const latestExpiry = maxDays == null ? undefined : lifetimeStart + maxDays * DAY;
  const minDate = isoDate(Date.now() + DAY);
  const maxDate = latestExpiry ? isoDate(latestExpiry - DAY) : undefined;

  const trimmedName = name.trim();
  const nameError = !trimmedName
    ? t("accessKeysNameRequired")
    : trimmedName.length > NAME_MAX
      ? t("accessKeysNameTooLong", { max: NAME_MAX })
      : undefined;
  const descriptionError =
    description.length > DESCRIPTION_MAX ? t("accessKeysDescriptionTooLong", { max: DESCRIPTION_MAX }) : undefined;
  const customDateError =
    expiry !== "custom"
      ? undefined
      : !customDate
        ? t("accessKeysExpiryDateRequired")
        : customDate < minDate || (maxDate !== undefined && customDate > maxDate)
          ? t("accessKeysExpiryDateOutOfRange")
          : undefined;
  const scopesError = scopeLimit === "selected" && scopes.length === 0 ? t("accessKeysChooseOne") : undefined;
  const clientsError = clientLimit === "selected" && clients.length === 0 ? t("accessKeysChooseOne") : undefined;
  const rolesError = roleLimit === "selected" && roles.length === 0 ? t("accessKeysChooseOne") : undefined;
  const invalid = [nameError, descriptionError, customDateError, scopesError, clientsError, rolesError].some(Boolean);

  function expiresAt(): number | null | undefined {
    if (expiry === "keep") return undefined;
    if (expiry === "never") return null;
    if (expiry === "custom") {
      const end = endOfDay(customDate);
      return latestExpiry ? Math.min(end, latestExpiry - 60_000) : end;
    }
    return Date.now() + Number(expiry) * DAY;
  }

  function buildInput(): KeyInput {
    const input: KeyInput = {
      name: trimmedName,
      description: description.trim() || null,
      scopes: scopeLimit === "all" ? null : scopes,
      clients: clientLimit === "all" ? null : clients,
      roles: roleLimit === "all" ? null : roles,
    };
    const expiresAtValue = expiresAt();
    if (expiresAtValue !== undefined) input.expiresAt = expiresAtValue;
    if (!editing) return input;
    // PATCH only what changed.
    const changed: KeyInput = {};
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    (Object.keys(input) as (keyof KeyInput)[]).forEach((field) => {
      if (field === "expiresAt" || !same(input[field], accessKey![field])) {
        (changed as Record<string, unknown>)[field] = input[field];
      }
    });
    return changed;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (invalid || busy) return;
    setBusy(true);
    try {
      await onSubmit(buildInput());
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (error: string | undefined, id: string) =>
    submitted && error ? (
      <FormHelperText>
        <HelperText id={id}>
          <HelperTextItem variant="error">{error}</HelperTextItem>
        </HelperText>
      </FormHelperText>
    ) : null;

  const expiryLabel = (choice: ExpiryChoice) => {
    if (choice === "keep") {
      return accessKey?.expiresAt
        ? t("accessKeysExpiryKeep", { date: formatDateTime(accessKey.expiresAt, locale) })
        : t("accessKeysExpiryKeepNever");
    }
    if (choice === "never") return t("accessKeysExpiryNever");
    if (choice === "custom") return t("accessKeysExpiryCustom");
    const days = Number(choice);
    const label = t("accessKeysExpiryDays", { count: days, date: formatDateTime(Date.now() + days * DAY, locale) });
    return days === maxDays ? `${label} ${t("accessKeysExpiryMaximumSuffix")}` : label;
  };

  const expiryChoices: ExpiryChoice[] = [
    ...(editing ? (["keep"] as ExpiryChoice[]) : []),
    ...presets.map((d) => `${d}` as ExpiryChoice),
    "custom",
    ...(neverAllowed ? (["never"] as ExpiryChoice[]) : []),
  ];

  const expiryHint = policy.requireExpiration || maxDays != null
    ? maxDays != null
      ? t("accessKeysExpiryPolicyMax", { count: maxDays })
      : t("accessKeysExpiryPolicyRequired")
    : t("accessKeysExpiryHint");

  return (
    <Modal
      variant={ModalVariant.medium}
      title={editing ? t("accessKeysEditTitle", { name: accessKey!.name }) : t("accessKeysCreateTitle")}
      description={editing ? undefined : t("accessKeysCreateDescription")}
      isOpen
      onClose={onClose}
      data-testid="key-form-modal"
      actions={[
        <Button
          key="submit"
          type="submit"
          form="access-key-form"
          variant="primary"
          isLoading={busy}
          isDisabled={busy}
          data-testid="key-form-submit"
        >
          {editing ? t("accessKeysSave") : t("accessKeysCreate")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          {t("accessKeysCancel")}
        </Button>,
      ]}
    >
      <Form id="access-key-form" onSubmit={submit} noValidate>
        <FormGroup label={t("accessKeysName")} fieldId="access-key-name" isRequired>
          <TextInput
            id="access-key-name"
            name="name"
            value={name}
            onChange={(_, value) => setName(value)}
            isRequired
            maxLength={NAME_MAX}
            validated={submitted && nameError ? "error" : "default"}
            aria-describedby={submitted && nameError ? "access-key-name-error" : "access-key-name-hint"}
            autoFocus
          />
          {fieldError(nameError, "access-key-name-error") ?? (
            <FormHelperText>
              <HelperText id="access-key-name-hint">
                <HelperTextItem>{t("accessKeysNameHint")}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>

        <FormGroup label={t("accessKeysDescriptionLabel")} fieldId="access-key-description">
          <TextArea
            id="access-key-description"
            name="description"
            value={description}
            onChange={(_, value) => setDescription(value)}
            resizeOrientation="vertical"
            maxLength={DESCRIPTION_MAX}
            validated={submitted && descriptionError ? "error" : "default"}
          />
          {fieldError(descriptionError, "access-key-description-error")}
        </FormGroup>

        <FormGroup label={t("accessKeysExpiry")} fieldId="access-key-expiry" isRequired={!neverAllowed}>
          <FormSelect
            id="access-key-expiry"
            value={expiry}
            onChange={(_, value) => setExpiry(value as ExpiryChoice)}
            aria-describedby="access-key-expiry-hint"
          >
            {expiryChoices.map((choice) => (
              <FormSelectOption key={choice} value={choice} label={expiryLabel(choice)} />
            ))}
          </FormSelect>
          <FormHelperText>
            <HelperText id="access-key-expiry-hint">
              <HelperTextItem>{expiryHint}</HelperTextItem>
            </HelperText>
          </FormHelperText>
        </FormGroup>

        {expiry === "custom" && (
          <FormGroup label={t("accessKeysExpiryDate")} fieldId="access-key-expiry-date" isRequired>
            <TextInput
              id="access-key-expiry-date"
              type="date"
              value={customDate}
              min={minDate}
              max={maxDate}
              onChange={(_, value) => setCustomDate(value)}
              validated={submitted && customDateError ? "error" : "default"}
            />
            {fieldError(customDateError, "access-key-expiry-date-error")}
          </FormGroup>
        )}

        <LimitGroup
          id="scopes"
          label={t("accessKeysScopes")}
          allLabel={t("accessKeysScopesAll")}
          selectedLabel={t("accessKeysScopesSelected")}
          limit={scopeLimit}
          onLimit={setScopeLimit}
          items={options.scopes.map((s) => ({ value: s.name, label: s.name, description: s.description ?? undefined }))}
          selected={scopes}
          onSelected={setScopes}
          error={submitted ? scopesError : undefined}
          emptyText={t("accessKeysNoScopes")}
        />

        <LimitGroup
          id="clients"
          label={t("accessKeysClients")}
          allLabel={t("accessKeysClientsAll")}
          selectedLabel={t("accessKeysClientsSelected")}
          limit={clientLimit}
          onLimit={setClientLimit}
          items={options.clients.map((c) => ({
            value: c.clientId,
            label: c.name && c.name !== c.clientId ? `${c.name} (${c.clientId})` : c.clientId,
          }))}
          selected={clients}
          onSelected={setClients}
          error={submitted ? clientsError : undefined}
          emptyText={t("accessKeysNoClients")}
        />

        {(options.roles.length > 0 || accessKey?.roles) && (
          <LimitGroup
            id="roles"
            label={t("accessKeysRoles")}
            allLabel={t("accessKeysRolesAll")}
            selectedLabel={t("accessKeysRolesSelected")}
            limit={roleLimit}
            onLimit={setRoleLimit}
            items={options.roles.map((r) => ({ value: r, label: r }))}
            selected={roles}
            onSelected={setRoles}
            error={submitted ? rolesError : undefined}
            emptyText={t("accessKeysNoRoles")}
          />
        )}
      </Form>
    </Modal>
  );
};

type LimitGroupProps = {
  id: string;
  label: string;
  allLabel: string;
  selectedLabel: string;
  limit: Limit;
  onLimit: (limit: Limit) => void;
  items: { value: string; label: string; description?: string }[];
  selected: string[];
  onSelected: (selected: string[]) => void;
  error?: string;
  emptyText: string;
};

/** "All (including future ones)" or "only these", with a checkbox per choice. */
const LimitGroup = ({
  id,
  label,
  allLabel,
  selectedLabel,
  limit,
  onLimit,
  items,
  selected,
  onSelected,
  error,
  emptyText,
}: LimitGroupProps) => {
  // Keep choices the key already has even when /options no longer offers them.
  const all = [
    ...items,
    ...selected.filter((v) => !items.some((i) => i.value === v)).map((v) => ({ value: v, label: v, description: undefined })),
  ];
  const toggle = (value: string, checked: boolean) =>
    onSelected(checked ? [...selected, value] : selected.filter((v) => v !== value));

  return (
    <FormGroup role="radiogroup" isStack label={label} fieldId={`access-key-${id}`} data-testid={`access-key-${id}`}>
      <Radio
        id={`access-key-${id}-all`}
        name={`access-key-${id}`}
        label={allLabel}
        isChecked={limit === "all"}
        onChange={() => onLimit("all")}
      />
      <Radio
        id={`access-key-${id}-selected`}
        name={`access-key-${id}`}
        label={selectedLabel}
        isChecked={limit === "selected"}
        onChange={() => onLimit("selected")}
        body={
          limit === "selected" ? (
            <div role="group" aria-label={selectedLabel} id={`access-key-${id}-list`}>
              {all.length === 0 && <p>{emptyText}</p>}
              {all.map((item) => (
                <Checkbox
                  key={item.value}
                  id={`access-key-${id}-${item.value}`}
                  label={item.label}
                  description={item.description}
                  isChecked={selected.includes(item.value)}
                  onChange={(_, checked) => toggle(item.value, checked)}
                />
              ))}
              {error && (
                <HelperText>
                  <HelperTextItem variant="error">{error}</HelperTextItem>
                </HelperText>
              )}
            </div>
          ) : undefined
        }
      />
    </FormGroup>
  );
};
