import { ClipboardCopyButton, CodeBlock, CodeBlockAction, CodeBlockCode, FormGroup, FormSelect, FormSelectOption, Tab, Tabs, TabTitleText, Text } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { ClientOption } from "../api";
import { appPasswordSnippet, grantSnippet, useTokenSnippet, type SnippetInput } from "./snippets";

type Props = { keyId: string; secret: string; tokenUrl: string; clients: ClientOption[] };

const Snippet = ({ id, text }: { id: string; text: string }) => {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <CodeBlock
      actions={
        <CodeBlockAction>
          <ClipboardCopyButton
            id={`copy-${id}`}
            textId={`snippet-${id}`}
            aria-label={t("accessKeysCopyExample")}
            onClick={() => navigator.clipboard.writeText(text).then(() => setCopied(true))}
            exitDelay={copied ? 1500 : 600}
            onTooltipHidden={() => setCopied(false)}
            variant="plain"
          >
            {copied ? t("accessKeysCopied") : t("accessKeysCopyExample")}
          </ClipboardCopyButton>
        </CodeBlockAction>
      }
    >
      <CodeBlockCode id={`snippet-${id}`} className="access-keys-snippet" data-testid={`snippet-${id}`}>
        {text}
      </CodeBlockCode>
    </CodeBlock>
  );
};

/** Runnable examples: get a token, use it, and (where a client takes them) the app-password form. */
export const Snippets = ({ keyId, secret, tokenUrl, clients }: Props) => {
  const { t } = useTranslation();
  const [clientId, setClientId] = useState(clients[0]?.clientId ?? "");
  const [tab, setTab] = useState<string | number>("grant");
  if (clients.length === 0) return <Text component="p">{t("accessKeysSnippetNoClient")}</Text>;
  const input: SnippetInput = { keyId, secret, tokenUrl, clientId };
  const appPasswords = clients.find((c) => c.clientId === clientId)?.appPasswords;
  return (
    <>
      {clients.length > 1 && (
        <FormGroup label={t("accessKeysSnippetClient")} fieldId="access-key-snippet-client" className="pf-v5-u-mb-sm">
          <FormSelect id="access-key-snippet-client" value={clientId} onChange={(_, value) => setClientId(value)}>
            {clients.map((c) => (
              <FormSelectOption key={c.clientId} value={c.clientId} label={c.clientId} />
            ))}
          </FormSelect>
        </FormGroup>
      )}
      <Tabs activeKey={tab === "password" && !appPasswords ? "grant" : tab} onSelect={(_, key) => setTab(key)} aria-label={t("accessKeysSecretUsage")} isBox>
        <Tab eventKey="grant" title={<TabTitleText>{t("accessKeysSnippetGrant")}</TabTitleText>}>
          <Text component="p" className="pf-v5-u-my-sm">{t("accessKeysSnippetGrantText")}</Text>
          <Snippet id="grant" text={grantSnippet(input)} />
        </Tab>
        <Tab eventKey="use" title={<TabTitleText>{t("accessKeysSnippetUse")}</TabTitleText>}>
          <Text component="p" className="pf-v5-u-my-sm">{t("accessKeysSnippetUseText")}</Text>
          <Snippet id="use" text={useTokenSnippet(input)} />
        </Tab>
        {appPasswords && (
          <Tab eventKey="password" title={<TabTitleText>{t("accessKeysSnippetPassword")}</TabTitleText>}>
            <Text component="p" className="pf-v5-u-my-sm">{t("accessKeysSnippetPasswordText")}</Text>
            <Snippet id="password" text={appPasswordSnippet(input)} />
          </Tab>
        )}
      </Tabs>
    </>
  );
};
