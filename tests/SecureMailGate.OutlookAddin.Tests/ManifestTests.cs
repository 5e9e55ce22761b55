using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using NUnit.Framework;
using SecureMailGate.OutlookAddin.Tests.Support;
using SecureMailGate.Service.Hosting;
using SecureMailGate.Service.Tests.Support;

namespace SecureMailGate.OutlookAddin.Tests;

/// <summary>
/// Microsoft's schema for add-in-only manifests is not available here, so the manifest is checked against every element
/// Microsoft's Smart Alerts walkthrough ("Automatically check for an attachment before a message is sent", XML manifest)
/// requires, the base manifest's element order, and against the files the service really serves.
/// </summary>
[TestFixture]
public sealed class ManifestTests
{
    private static readonly XNamespace App = "http://schemas.microsoft.com/office/appforoffice/1.1";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly XNamespace Bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    private static readonly XNamespace Vo10 = "http://schemas.microsoft.com/office/mailappversionoverrides";
    private static readonly XNamespace Vo11 = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";

    private RunningService _service = null!;
    private XDocument _served = null!;

    private static XDocument Shipped => XDocument.Load(Path.Combine(AppContext.BaseDirectory, "addin", "manifest.xml"));

    private XElement Overrides => _served.Root!.Element(Vo10 + "VersionOverrides")!.Element(Vo11 + "VersionOverrides")!;

    private XElement Host => Overrides.Element(Vo11 + "Hosts")!.Element(Vo11 + "Host")!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _service = await RunningService.StartAsync();
        _served = XDocument.Parse(await _service.Client.GetStringAsync("addin/manifest.xml"));
    }

    [OneTimeTearDown]
    public async Task Stop() => await _service.DisposeAsync();

    [Test]
    public void The_base_manifest_is_a_mail_add_in_with_its_elements_in_schema_order()
    {
        XElement root = _served.Root!;
        Assert.That(root.Name, Is.EqualTo(App + "OfficeApp"));
        Assert.That((string?)root.Attribute(Xsi + "type"), Is.EqualTo("MailApp"));
        string[] order =
        {
            "Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl",
            "SupportUrl", "AppDomains", "Hosts", "Requirements", "FormSettings", "Permissions", "Rule", "DisableEntityHighlighting", "VersionOverrides",
        };
        Assert.That(root.Elements().Select(e => e.Name.LocalName), Is.EqualTo(order));
        Assert.That(Guid.TryParse(root.Element(App + "Id")!.Value, out _), Is.True);
        Assert.That(root.Element(App + "Hosts")!.Element(App + "Host")!.Attribute("Name")!.Value, Is.EqualTo("Mailbox"));
        Assert.That(root.Element(App + "Permissions")!.Value, Is.EqualTo("ReadWriteItem"), "the subject is changed for encrypt");
    }

    [Test]
    public void Version_overrides_1_1_sit_inside_1_0_and_require_mailbox_1_12()
    {
        XElement outer = _served.Root!.Element(Vo10 + "VersionOverrides")!;
        Assert.That((string?)outer.Attribute(Xsi + "type"), Is.EqualTo("VersionOverridesV1_0"));
        Assert.That((string?)Overrides.Attribute(Xsi + "type"), Is.EqualTo("VersionOverridesV1_1"));
        XElement sets = Overrides.Element(Vo11 + "Requirements")!.Element(Bt + "Sets")!;
        Assert.That((string?)sets.Attribute("DefaultMinVersion"), Is.EqualTo("1.12"));
        Assert.That(sets.Elements(Bt + "Set").Select(s => (string?)s.Attribute("Name")), Is.EqualTo(new[] { "Mailbox" }));
        Assert.That((string?)Host.Attribute(Xsi + "type"), Is.EqualTo("MailHost"));
    }

    [Test]
    public void The_runtime_loads_the_html_page_and_classic_outlook_the_javascript_file()
    {
        XElement runtime = Host.Element(Vo11 + "Runtimes")!.Element(Vo11 + "Runtime")!;
        XElement overrideJs = runtime.Element(Vo11 + "Override")!;

        Assert.That((string?)overrideJs.Attribute("type"), Is.EqualTo("javascript"));
        Assert.That(Url((string)runtime.Attribute("resid")!), Does.EndWith("/addin/commands.html"));
        Assert.That(Url((string)overrideJs.Attribute("resid")!), Does.EndWith("/addin/launchevent.js"));
    }

    [Test]
    public void On_message_send_launches_the_associated_handler_in_soft_block_mode_from_the_runtime()
    {
        XElement desktop = Host.Element(Vo11 + "DesktopFormFactor")!;
        XElement launch = desktop.Elements(Vo11 + "ExtensionPoint").Single(e => (string?)e.Attribute(Xsi + "type") == "LaunchEvent");
        XElement launchEvent = launch.Element(Vo11 + "LaunchEvents")!.Elements(Vo11 + "LaunchEvent").Single();

        Assert.That((string?)launchEvent.Attribute("Type"), Is.EqualTo("OnMessageSend"));
        Assert.That((string?)launchEvent.Attribute("SendMode"), Is.EqualTo("SoftBlock"), "if the add-in cannot run, the message still goes and the gateway decides");
        Assert.That(
            (string?)launch.Element(Vo11 + "SourceLocation")!.Attribute("resid"),
            Is.EqualTo((string?)Host.Element(Vo11 + "Runtimes")!.Element(Vo11 + "Runtime")!.Attribute("resid")));
        Assert.That(desktop.Element(Vo11 + "FunctionFile")!.Attribute("resid"), Is.Not.Null);

        string script = _service.Client.GetStringAsync("addin/launchevent.js").GetAwaiter().GetResult();
        using var outlook = new OutlookStandIn(script, new Mailbox(), _service.Origin);
        Assert.That(outlook.Associated, Does.Contain((string)launchEvent.Attribute("FunctionName")!));
    }

    [Test]
    public void The_see_why_button_opens_a_task_pane_declared_in_the_manifest()
    {
        XElement control = Host.Descendants(Vo11 + "Control").Single(c => (string?)c.Attribute("id") == "msgComposeOpenPaneButton");
        XElement action = control.Element(Vo11 + "Action")!;

        Assert.That((string?)action.Attribute(Xsi + "type"), Is.EqualTo("ShowTaskpane"));
        Assert.That(Url((string)action.Element(Vo11 + "SourceLocation")!.Attribute("resid")!), Does.EndWith("/addin/taskpane.html"));
        Assert.That(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "addin", "launchevent.js")), Does.Contain("commandId: \"msgComposeOpenPaneButton\""));
    }

    [Test]
    public void Every_resource_id_used_is_defined_and_short_strings_fit()
    {
        XElement resources = Overrides.Element(Vo11 + "Resources")!;
        var defined = resources.Descendants().Where(e => e.Attribute("id") is not null).Select(e => (string)e.Attribute("id")!).ToHashSet();
        var used = Overrides.Descendants().Select(e => (string?)e.Attribute("resid")).OfType<string>().Distinct().ToList();

        Assert.That(used, Is.Not.Empty);
        Assert.That(used.Where(u => !defined.Contains(u)), Is.Empty);
        Assert.That(resources.Element(Bt + "ShortStrings")!.Elements().Select(s => ((string)s.Attribute("DefaultValue")!).Length), Has.All.LessThanOrEqualTo(125));
        Assert.That(resources.Element(Bt + "LongStrings")!.Elements().Select(s => ((string)s.Attribute("DefaultValue")!).Length), Has.All.LessThanOrEqualTo(250));
    }

    [Test]
    public void The_token_audience_is_the_first_form_source_location_which_the_service_expects()
    {
        string first = (string)_served.Root!.Element(App + "FormSettings")!.Descendants(App + "SourceLocation").First().Attribute("DefaultValue")!;

        Assert.That(first, Is.EqualTo(_service.Tokens.Audience.AbsoluteUri));
    }

    [Test]
    public async Task Every_url_in_the_served_manifest_points_at_a_file_the_service_serves()
    {
        var urls = _served.Descendants().SelectMany(e => e.Attributes("DefaultValue")).Select(a => a.Value)
            .Where(v => v.StartsWith("http", StringComparison.Ordinal)).Distinct().ToList();

        Assert.That(urls, Has.Count.GreaterThan(5));
        Assert.That(urls, Has.All.StartWith(_service.Origin + "/addin/"));
        foreach (string url in urls)
        {
            using HttpResponseMessage response = await _service.Client.GetAsync(new Uri(url));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        }
    }

    [Test]
    public void The_shipped_manifest_uses_only_https_on_the_placeholder_origin()
    {
        var urls = Shipped.Descendants().SelectMany(e => e.Attributes("DefaultValue")).Select(a => a.Value)
            .Concat(Shipped.Descendants(App + "AppDomain").Select(e => e.Value))
            .Where(v => v.Contains("://", StringComparison.Ordinal)).ToList();

        Assert.That(urls, Has.All.StartWith(AddinFiles.PlaceholderOrigin));
        Assert.That(urls, Has.All.Matches<string>(u => u == AddinFiles.PlaceholderOrigin || u.StartsWith(AddinFiles.PlaceholderOrigin + "/addin/", StringComparison.Ordinal)));
    }

    [Test]
    public async Task The_well_known_document_allows_the_handler_script()
    {
        string allowed = await _service.Client.GetStringAsync(".well-known/microsoft-officeaddins-allowed.json");

        Assert.That(allowed, Is.EqualTo($"{{\"allowed\":[\"{_service.Origin}/addin/launchevent.js\"]}}"));
    }

    private string Url(string resid) =>
        (string)Overrides.Element(Vo11 + "Resources")!.Element(Bt + "Urls")!.Elements(Bt + "Url").Single(u => (string?)u.Attribute("id") == resid).Attribute("DefaultValue")!;

}
