<#import "template.ftl" as layout>
<@layout.emailLayout>
<p><#if action == "disable">${msg("accessKeyLeakedDisabled", keyName, realmName)}<#else>${msg("accessKeyLeakedRevoked", keyName, realmName)}</#if></p>
<p>${msg("accessKeyName")}: <strong>${keyName}</strong><br>
${msg("accessKeyId")}: <code>${keyId}</code></p>
<#if accountUrl??><p><a href="${accountUrl}">${msg("accessKeyManageLink")}</a></p></#if>
<p>${msg("accessKeyLeakedOutro")}</p>
</@layout.emailLayout>
