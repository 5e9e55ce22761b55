using System;
using System.Collections.Generic;
using SecureMailGate.Core.Addressing;

namespace SecureMailGate.Core.Policy;

/// <summary>
/// The decision rules of POLICY §3 for one recipient: every rule that applies contributes an action and a
/// reason, the strongest action wins, and the reasons are listed strongest first.
/// </summary>
public static class RecipientRules
{
    /// <summary>Decides the action for a recipient of the given tier.</summary>
    /// <param name="tier">The recipient's tier.</param>
    /// <param name="facts">Facts about the message.</param>
    /// <param name="options">The policy (encryption path, unmarked-sensitive option).</param>
    /// <returns>The winning action and every reason, strongest first.</returns>
    public static (RecipientAction Action, IReadOnlyList<string> Reasons) Decide(RecipientTier tier, MessageFacts facts, PolicyOptions options)
    {
        if (facts is null || options is null)
        {
            throw new ArgumentNullException(facts is null ? nameof(facts) : nameof(options));
        }

        // Rule 1: inside the organisation nothing else applies.
        if (tier == RecipientTier.Internal)
        {
            return (RecipientAction.Allow, new[] { ReasonCodes.InternalRecipient });
        }

        var votes = new List<(RecipientAction Action, string Reason)>();
        bool sensitive = facts.Sensitive;
        bool insecure = !tier.IsSecureRoute();

        if (facts.NhsNumberInSubject)
        {
            votes.Add((RecipientAction.Block, ReasonCodes.NhsNumberInSubject));
        }

        if (facts.AutoForwarded && insecure)
        {
            votes.Add((RecipientAction.Block, ReasonCodes.AutoForwardedToInsecure));
        }

        switch (tier)
        {
            case RecipientTier.Retired:
                votes.Add(sensitive
                    ? (RecipientAction.Block, ReasonCodes.SensitiveToRetired)
                    : (RecipientAction.Warn, ReasonCodes.RetiredDomain));
                break;
            case RecipientTier.ProhibitedChannel when sensitive:
                votes.Add((RecipientAction.Block, ReasonCodes.SensitiveToProhibitedChannel));
                break;
            case RecipientTier.NhsInsecure or RecipientTier.External when sensitive:
                if (facts.EncryptionRequested)
                {
                    votes.Add((RecipientAction.Allow, ReasonCodes.SenderRequestedEncryption));
                }
                else if (!options.Encryption.Enabled)
                {
                    votes.Add((RecipientAction.Block, ReasonCodes.SensitiveToInsecure));
                    votes.Add((RecipientAction.Block, ReasonCodes.EncryptionUnavailable));
                }
                else
                {
                    votes.Add((RecipientAction.Encrypt, ReasonCodes.SensitiveToInsecure));
                }

                break;
            case RecipientTier.Invalid when sensitive:
                votes.Add((RecipientAction.Block, ReasonCodes.SensitiveToInvalid));
                break;
        }

        if (facts.EncryptedAttachment)
        {
            if (tier is RecipientTier.Accredited or RecipientTier.GovSecureLegacy)
            {
                votes.Add((RecipientAction.Block, ReasonCodes.EncryptedAttachmentMayBeStripped));
            }
            else if (tier is RecipientTier.NhsMail or RecipientTier.SecureNhsLocal)
            {
                votes.Add((RecipientAction.Allow, ReasonCodes.EncryptionUnnecessary));
            }
        }

        if (sensitive && tier.IsSecureRoute())
        {
            votes.Add(facts.MarkedInSubject
                ? (RecipientAction.Allow, ReasonCodes.SecureRoute)
                : (options.Detection.WarnUnmarkedSensitive ? RecipientAction.Warn : RecipientAction.Allow, ReasonCodes.UnmarkedSensitive));
        }

        if (votes.Count == 0)
        {
            votes.Add((RecipientAction.Allow, sensitive ? ReasonCodes.SecureRoute : ReasonCodes.NotSensitive));
        }

        RecipientAction strongest = MaxAction(votes);
        return (strongest, ReasonsStrongestFirst(votes, strongest));
    }

    private static RecipientAction MaxAction(List<(RecipientAction Action, string Reason)> votes)
    {
        RecipientAction max = votes[0].Action;
        foreach ((RecipientAction action, string _) in votes)
        {
            max = action > max ? action : max;
        }

        return max;
    }

    // The reasons of the strongest actions first, in the order they were given within one action, each once.
    private static string[] ReasonsStrongestFirst(List<(RecipientAction Action, string Reason)> votes, RecipientAction strongest)
    {
        var reasons = new List<string>(votes.Count);
        for (RecipientAction action = strongest; action >= RecipientAction.Allow; action--)
        {
            foreach ((RecipientAction a, string reason) in votes)
            {
                if (a == action && !reasons.Contains(reason))
                {
                    reasons.Add(reason);
                }
            }
        }

        return reasons.ToArray();
    }
}
