using System;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;
using SecureMailGate.Core.Tests.Support;

namespace SecureMailGate.Core.Tests.Inspection.Costs;

/// <summary>A huge header block is measured from the stream and refused before MimeKit parses it: a verdict, not a wait.</summary>
public sealed class HeaderCostTests
{
    private const string Body = "NHS number 943 476 5919\r\n";

    [TestCase(true)]
    [TestCase(false)]
    public void TwentyMegabyteHeaderLineIsALimit(bool seekable)
    {
        byte[] mime = Message(headerLineBytes: 20 * 1024 * 1024);

        Verdict verdict = Run(mime, seekable);

        CostAssert.IsLimitNotAllowed(verdict);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void LongButOrdinaryHeaderBlockIsParsedAndInspected(bool seekable)
    {
        // 200 KB of header, well under the 1 MiB cap: the body is read whole, from either kind of stream.
        byte[] mime = Message(headerLineBytes: 200 * 1024);

        Verdict verdict = Run(mime, seekable);

        Assert.That(verdict.Kinds(), Does.Not.Contain(FindingKinds.InspectionLimit));
        Assert.That(verdict.Find(FindingKinds.NhsNumber)?.Confidence, Is.EqualTo(Confidence.High));
    }

    [Test]
    public void CapFollowsASmallerExpansionLimit()
    {
        Assert.That(HeaderBlock.MaxBytes(new InspectionLimits(MaxExpandedBytes: 1000)), Is.EqualTo(1000));
        Assert.That(HeaderBlock.MaxBytes(InspectionLimits.Default), Is.EqualTo(HeaderBlock.MaxHeaderBytes));
    }

    [TestCase("A: b\r\n\r\nbody", 7)]
    [TestCase("A: b\n\nbody", 5)]
    [TestCase("\r\nbody", 1)]
    [TestCase("\nbody", 0)]
    [TestCase("A: b\r\n c\r\n", -1)]
    public void EndOfHeaderBlockIsTheFirstEmptyLine(string text, int expected)
    {
        Assert.That(HeaderBlock.EndOf(Encoding.ASCII.GetBytes(text), 0), Is.EqualTo(expected));
    }

    [Test]
    public void HeadersOnlyMessageUnderTheCapIsRead()
    {
        var budget = new InspectionBudget(InspectionLimits.Default, TimeProvider.System);
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("Subject: hi\r\nTo: a@b.c\r\n"));

        byte[] head = HeaderBlock.Read(stream, 1000, budget, out int length);

        Assert.That(length, Is.EqualTo(24));
        Assert.That(head.Take(length).ToArray(), Is.EqualTo(stream.ToArray()));
    }

    private static Verdict Run(byte[] mime, bool seekable)
    {
        var engine = new SecureMailGateEngine(Evaluate.Policy, TimeProvider.System);
        using var memory = new MemoryStream(mime, writable: false);
        using Stream source = seekable ? memory : new OneWayStream(memory);
        return engine.Evaluate(new MessageEnvelope("clinician@ourtrust.nhs.uk", new[] { CostAssert.Relative }, source));
    }

    private static byte[] Message(int headerLineBytes)
    {
        byte[] head = Encoding.ASCII.GetBytes("From: clinician@ourtrust.nhs.uk\r\nTo: " + CostAssert.Relative + "\r\nSubject: Referral\r\nX-Padding: ");
        byte[] tail = Encoding.ASCII.GetBytes("\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + Body);
        byte[] mime = new byte[head.Length + headerLineBytes + tail.Length];
        head.CopyTo(mime, 0);
        mime.AsSpan(head.Length, headerLineBytes).Fill((byte)'a');
        tail.CopyTo(mime, head.Length + headerLineBytes);
        return mime;
    }
}
