<#ftl output_format="plainText">
<#if action == "disable">${msg("accessKeyLeakedDisabled", keyName, realmName)}<#else>${msg("accessKeyLeakedRevoked", keyName, realmName)}</#if>

${msg("accessKeyName")}: ${keyName}
${msg("accessKeyId")}: ${keyId}
<#if accountUrl??>

${msg("accessKeyManageLink")}: ${accountUrl}
</#if>

${msg("accessKeyLeakedOutro")}
