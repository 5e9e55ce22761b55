using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NUnit.Framework;
using SecureMailGate.Core.Inspection;
using SecureMailGate.Core.Policy;

namespace SecureMailGate.Core.Tests.Inspection.Attachments;

/// <summary>Truncated and corrupt files of every supported type: always a decision, never an exception.</summary>
[TestFixture]
public sealed class CorruptAttachmentTests
{
    private static IEnumerable<TestCaseData> Files()
    {
        byte[] docx = AttachmentFixtures.Docx(new[] { "Patient 943 476 5919" });
        byte[] xlsx = AttachmentFixtures.Xlsx(("S", new[] { new[] { "NHS Number" }, new[] { "#9434765919" } }));
        byte[] pptx = AttachmentFixtures.Pptx("Patient 943 476 5919");
        byte[] pdf = AttachmentFixtures.Pdf("Patient 943 476 5919");
        byte[] zip = AttachmentFixtures.Zip(("a.txt", Encoding.UTF8.GetBytes("Patient 943 476 5919")));
        byte[] cfb = CompoundFileBuilder.Build(("WordDocument", AttachmentFixtures.WordFib(false)));
        byte[] sevenZip = AttachmentFixtures.SevenZip(encryptedHeader: true);
        byte[] tnef = AttachmentFixtures.Tnef("Patient 943 476 5919");
        foreach ((string name, byte[] bytes) in new[] { ("a.docx", docx), ("a.xlsx", xlsx), ("a.pptx", pptx), ("a.pdf", pdf), ("a.zip", zip), ("a.doc", cfb), ("a.7z", sevenZip), ("winmail.dat", tnef) })
        {
            yield return new TestCaseData(name, bytes.Take(bytes.Length / 2).ToArray()).SetName("Truncated " + name);
            yield return new TestCaseData(name, bytes.Take(Math.Min(bytes.Length, 12)).ToArray()).SetName("Only the signature of " + name);
            byte[] garbled = (byte[])bytes.Clone();
            var random = new Random(42);
            for (int i = 16; i < garbled.Length; i += 7)
            {
                garbled[i] = (byte)random.Next(256);
            }

            yield return new TestCaseData(name, garbled).SetName("Garbled " + name);
        }
    }

    [TestCaseSource(nameof(Files))]
    public void CorruptFileYieldsADecision(string name, byte[] bytes)
    {
        Verdict verdict = null!;
        Assert.DoesNotThrow(() => verdict = Gate.Attach(name, bytes));

        Assert.That(verdict.Decisions, Has.Count.EqualTo(1));
        // Reported (unreadable, encrypted or what could be read), or a garbled size tripped a limit (then the message is
        // treated as sensitive): never passed silently.
        bool reported = verdict.Findings.Any(f => f.Location.StartsWith("attachment:1", StringComparison.Ordinal));
        bool limited = verdict.Findings.Any(f => f.Kind == FindingKinds.InspectionLimit) && verdict.Sensitive;
        Assert.That(reported || limited, Is.True, string.Join(", ", verdict.Findings));
    }
}
