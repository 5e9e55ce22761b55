using System;

namespace SecureMailGate.Service.Authentication;

/// <summary>What a valid user identity token must say.</summary>
/// <param name="Audience">The add-in's URL (<c>aud</c>), compared exactly, ignoring case.</param>
/// <param name="MetadataUrl">Exchange's metadata document; the token's <c>appctx.amurl</c> must name it.</param>
/// <param name="ClockSkew">Tolerance for <c>nbf</c> and <c>exp</c>.</param>
public sealed record TokenExpectations(Uri Audience, Uri MetadataUrl, TimeSpan ClockSkew);
