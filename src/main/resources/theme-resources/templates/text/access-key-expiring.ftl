<#ftl output_format="plainText">
${msg("accessKeyExpiringIntro", keyName, daysLeft, realmName)}

${msg("accessKeyName")}: ${keyName}
${msg("accessKeyId")}: ${keyId}
${msg("accessKeyExpires")}: ${expiresAt}
<#if accountUrl??>

${msg("accessKeyManageLink")}: ${accountUrl}
</#if>

${msg("accessKeyExpiringOutro")}
