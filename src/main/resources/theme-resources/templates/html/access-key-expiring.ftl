<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("accessKeyExpiringIntro", keyName, daysLeft, realmName)}</p>
<p>${msg("accessKeyName")}: <strong>${keyName}</strong><br>
${msg("accessKeyId")}: <code>${keyId}</code><br>
${msg("accessKeyExpires")}: ${expiresAt}</p>
<#if accountUrl??><p><a href="${accountUrl}">${msg("accessKeyManageLink")}</a></p></#if>
<p>${msg("accessKeyExpiringOutro")}</p>
</@layout.emailLayout>
