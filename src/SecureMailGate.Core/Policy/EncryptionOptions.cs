namespace SecureMailGate.Core.Policy;

/// <summary>The organisation's encryption path (POLICY §4, §7 <c>encryption</c>).</summary>
/// <param name="Enabled">False when there is no path: sensitive mail to insecure tiers is blocked instead.</param>
/// <param name="Token">Subject keyword that triggers encryption, e.g. <c>[secure]</c>.</param>
/// <param name="Connector">
/// Optional address space of the send connector that <c>encrypt</c> recipients are routed through, a domain name
/// such as <c>securemailgate.encrypt</c> (see <see cref="Configuration.ConnectorAddressSpace"/>); null for none.
/// </param>
public sealed record EncryptionOptions(bool Enabled = true, string Token = "[secure]", string? Connector = null);
