/** Shell-quotes a value for bash: 'a'\''b'. */
const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

export type SnippetInput = { keyId: string; secret: string; tokenUrl: string; clientId: string };

/** The first line of every snippet: the variables it uses, so it runs as pasted. */
function variables({ keyId, secret, tokenUrl, clientId }: SnippetInput) {
  return `ACCESS_KEY_ID=${quote(keyId)} ACCESS_KEY_SECRET=${quote(secret)} TOKEN_URL=${quote(tokenUrl)} CLIENT_ID=${quote(clientId)}`;
}

const GRANT = [
  `curl -s -X POST "$TOKEN_URL" \\`,
  `  -d grant_type=urn:access-keys:grant-type:access-key \\`,
  `  --data-urlencode client_id="$CLIENT_ID" \\`,
  `  --data-urlencode key_id="$ACCESS_KEY_ID" \\`,
  `  --data-urlencode key_secret="$ACCESS_KEY_SECRET"`,
];

/** Exchange the key for an access token (the token endpoint's JSON answer). */
export const grantSnippet = (input: SnippetInput) => [variables(input), ...GRANT].join("\n");

/** Get a token and call an API with it (the realm's userinfo endpoint stands for any API). */
export const useTokenSnippet = (input: SnippetInput) =>
  [
    variables(input),
    `ACCESS_TOKEN=$(${GRANT.join("\n")} \\`,
    `  | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')`,
    `curl -s -H "Authorization: Bearer $ACCESS_TOKEN" "\${TOKEN_URL%/token}/userinfo"`,
  ].join("\n");

/** The password grant of a tool that only speaks it: username = key ID, password = secret. */
export const appPasswordSnippet = (input: SnippetInput) =>
  [
    variables(input),
    `curl -s -X POST "$TOKEN_URL" \\`,
    `  -d grant_type=password \\`,
    `  --data-urlencode client_id="$CLIENT_ID" \\`,
    `  --data-urlencode username="$ACCESS_KEY_ID" \\`,
    `  --data-urlencode password="$ACCESS_KEY_SECRET"`,
  ].join("\n");

/** The key as a .env file. */
export const envFile = ({ keyId, secret, tokenUrl, clientId }: SnippetInput) =>
  [
    `ACCESS_KEY_ID=${keyId}`,
    `ACCESS_KEY_SECRET=${secret}`,
    `ACCESS_KEY_TOKEN_URL=${tokenUrl}`,
    `ACCESS_KEY_CLIENT_ID=${clientId}`,
    "",
  ].join("\n");

/** Starts a download of text as a file, without keeping a copy anywhere. */
export function download(text: string, fileName: string) {
  const link = document.createElement("a");
  link.href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
