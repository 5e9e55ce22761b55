#!/usr/bin/env bash
# Builds the SecureMailGate package an Exchange administrator installs:
#   artifacts/package/SecureMailGate-<version>.zip
#     agent/    net48 transport agent + its dependency closure + default securemailgate.json (monitor mode),
#               accredited-domains.sample.txt (a sample the default configuration does not load) and NLog.config
#     cli/      securemailgate.exe, self-contained for win-x64 (no .NET needed on the server)
#     Install-SecureMailGate.ps1, Uninstall-SecureMailGate.ps1, SecureMailGate.Common.ps1 (what both share),
#     README.md (the administrator's guide), POLICY.md (the policy it applies), CLI.md (the command-line guide,
#     once docs/CLI.md exists), THIRD-PARTY-NOTICES.md (the licences of what it ships),
#     notices/<language>/*.txt (the wording of reports and notices, to copy beside securemailgate.json and edit),
#     samples/*.eml (messages to try with: securemailgate check samples/mixed-recipients.eml)
#
# EXCHANGE_LIB_PATH=<folder holding the server's Microsoft.Exchange.Data.Transport.dll> builds the agent against the
# real assemblies. Without it the agent is built against a copy of src/ExchangeReference placed in a temporary folder
# through the very same -p:ExchangeLibPath switch, so every package build proves that switch works.
# Nothing from Exchange is ever put in the package; tools/CheckPackage.cs refuses the zip otherwise.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${OUT:-$root/artifacts/package}"
configuration="${CONFIGURATION:-Release}"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
package="$work/SecureMailGate-$version"
mkdir -p "$package/agent" "$package/cli" "$out"

lib="${EXCHANGE_LIB_PATH:-}"
if [ -z "$lib" ]; then
  echo "== Exchange API: reference facade, staged in a temporary folder (set EXCHANGE_LIB_PATH to use a server's DLLs)"
  dotnet build "$root/src/ExchangeReference/Microsoft.Exchange.Data.Transport/Microsoft.Exchange.Data.Transport.csproj" \
    -c "$configuration" -f net48 -o "$work/exchange-lib" -nologo -v quiet
  lib="$work/exchange-lib"
fi

echo "== Agent (net48) against $lib"
dotnet publish "$root/src/SecureMailGate.Exchange/SecureMailGate.Exchange.csproj" -c "$configuration" -f net48 \
  -p:ExchangeLibPath="$lib" -o "$package/agent" -nologo -v quiet
rm -f "$package/agent/"*.pdb "$package/agent/"*.deps.json "$package/agent/"*.xml

cp "$root/config/securemailgate.json" "$root/config/accredited-domains.sample.txt" "$root/config/NLog.config" "$package/agent/"
cp "$root/deploy/Install-SecureMailGate.ps1" "$root/deploy/Uninstall-SecureMailGate.ps1" "$root/deploy/SecureMailGate.Common.ps1" "$package/"
cp "$root/deploy/README.md" "$package/README.md"
cp "$root/docs/POLICY.md" "$root/THIRD-PARTY-NOTICES.md" "$package/"
if [ -f "$root/docs/CLI.md" ]; then
  cp "$root/docs/CLI.md" "$package/CLI.md"
else
  echo "== docs/CLI.md is not in this checkout: the package has no CLI guide" >&2
fi
mkdir -p "$package/notices" "$package/samples"
cp -R "$root/config/notices/." "$package/notices/"
cp "$root/config/samples/"*.eml "$package/samples/"

echo "== CLI (win-x64, self-contained)"
dotnet publish "$root/src/SecureMailGate.Cli/SecureMailGate.Cli.csproj" -c "$configuration" -r win-x64 --self-contained true \
  -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -o "$package/cli" -nologo -v quiet
rm -f "$package/cli/"*.pdb "$package/cli/"*.xml
# The single-file CLI is its own inspection worker (securemailgate --inspection-worker); the worker's loose files are not needed.
rm -f "$package/cli/SecureMailGate.Worker."*

echo "== Checking the package"
framework="$(find "${NUGET_PACKAGES:-$HOME/.nuget/packages}/microsoft.netframework.referenceassemblies.net48" -type d -path '*/build/.NETFramework/v4.8' | head -n 1)"
(cd "$root/deploy/tools" && dotnet run CheckPackage.cs -- "$package" "$framework" "$root")

zip_path="$out/SecureMailGate-$version.zip"
rm -f "$zip_path"
if command -v zip >/dev/null; then
  (cd "$work" && zip -qr "$zip_path" "SecureMailGate-$version")
else
  (cd "$work" && python3 -m zipfile -c "$zip_path" "SecureMailGate-$version")
fi
echo "== $zip_path"
